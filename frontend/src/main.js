import "./htmx-global.js";
import "idiomorph/htmx";
import { startForms } from "./forms.js";
import { startLiveRegions } from "./live.js";
import { localTimes } from "./times.js";

localTimes();
startForms();
startLiveRegions();
