/** Words and places of wire copy, for the seeded articles and cards of the benchmarks. */
export const WORDS =
  'talks ceasefire ministry officials said according health people city government week report aid border forces agreement council minister statement residents hospital families workers election market prices water power schools roads negotiators mediators delegation proposal sources'.split(
    ' ',
  );

export const CITIES = [
  'GAZA',
  'JERUSALEM',
  'CAIRO',
  'DOHA',
  'BEIRUT',
  'AMMAN',
  'RAMALLAH',
  'DAMASCUS',
  'RIYADH',
  'ISTANBUL',
  'LONDON',
  'WASHINGTON',
];
