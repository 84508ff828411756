// Run by SiteBrowser.measure through WebDriver's executeAsyncScript (its last argument is the callback): the page's
// weight from Navigation and Resource Timing, its Largest Contentful Paint and its layout shifts, from the browser's own
// performance API. Answers a JSON string.
const done = arguments[arguments.length - 1];
let lcp = null;
let cls = 0;
const paints = list => list.forEach(entry => { lcp = entry.startTime; }); // each new entry is the largest so far
const shifts = list => list.forEach(entry => { if (!entry.hadRecentInput) cls += entry.value; });
const lcpObserver = new PerformanceObserver(list => paints(list.getEntries()));
const clsObserver = new PerformanceObserver(list => shifts(list.getEntries()));
lcpObserver.observe({type: 'largest-contentful-paint', buffered: true});
clsObserver.observe({type: 'layout-shift', buffered: true});
// Two frames and a pause: the buffered entries are delivered, and the paint of the page as loaded has happened.
requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
  paints(lcpObserver.takeRecords());
  shifts(clsObserver.takeRecords());
  lcpObserver.disconnect();
  clsObserver.disconnect();
  const entries = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
  done(JSON.stringify({
    lcp: lcp,
    cls: cls,
    entries: entries.map(entry => ({
      name: entry.name,
      type: entry.entryType === 'navigation' ? 'navigation' : entry.initiatorType,
      contentType: entry.contentType || '',
      transfer: entry.transferSize,
      encoded: entry.encodedBodySize,
      decoded: entry.decodedBodySize
    }))
  }));
}, 50)));
