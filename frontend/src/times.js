// Moments are rendered in UTC (<time datetime="…Z">); each viewer reads them in their own time zone.
const minutes = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const seconds = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

export function localTimes(root = document) {
  for (const time of root.querySelectorAll("time[datetime]")) {
    if (time.dataset.local === time.dateTime) {
      continue;
    }
    const moment = new Date(time.dateTime);
    if (Number.isNaN(moment.getTime())) {
      continue;
    }
    time.title = time.textContent.trim();
    time.textContent = (time.dataset.precision === "seconds" ? seconds : minutes).format(moment);
    time.dataset.local = time.dateTime;
  }
}
