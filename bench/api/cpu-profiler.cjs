// Preloaded with NODE_OPTIONS=--require (Node refuses --cpu-prof there): profiles this process
// and writes a .cpuprofile into CPU_PROFILE_DIR when it exits. SIGUSR2 starts the profile afresh,
// so that start-up and warm-up can be left out (profile.ts sends it when the measured load
// begins). The in-thread inspector session answers synchronously, so stopping inside the 'exit'
// handler works.
const inspector = require("node:inspector");
const fs = require("node:fs");
const path = require("node:path");

const dir = process.env.CPU_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 500 });
  session.post("Profiler.start");
  process.on("SIGUSR2", () => {
    session.post("Profiler.stop");
    session.post("Profiler.start");
  });
  process.on("exit", () => {
    session.post("Profiler.stop", (error, result) => {
      if (error) return;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
