let t = performance.now(); for (let i = 0; i < 2000; i++) new TextDecoder(); console.log('new TextDecoder()', ((performance.now() - t) / 2000).toFixed(4), 'ms');
t = performance.now(); for (let i = 0; i < 2000; i++) new TextDecoder('utf-8', { fatal: true }); console.log('new TextDecoder fatal', ((performance.now() - t) / 2000).toFixed(4), 'ms');
t = performance.now(); for (let i = 0; i < 200; i++) new Intl.Segmenter('en', { granularity: 'word' }); console.log('new Segmenter', ((performance.now() - t) / 200).toFixed(4), 'ms');
