//! System metrics while a command runs (`mlrun exec --system-metrics`, `mlrun run
//! --system-metrics`), under MLflow's names and rules (`mlflow/system_metrics/`): every interval the
//! machine is sampled and the samples are logged, averaged and rounded to one decimal, as
//! `system/cpu_utilization_percentage`, `system/system_memory_usage_megabytes`,
//! `system/system_memory_usage_percentage`, `system/disk_usage_percentage`,
//! `system/disk_usage_megabytes`, `system/disk_available_megabytes`,
//! `system/network_receive_megabytes` and `system/network_transmit_megabytes` (since the start),
//! at steps 0, 1, 2, … (`system/<node id>/…` with a node id). Values are read as psutil computes
//! them, from `/proc` and `statvfs` (Linux; elsewhere nothing is sampled). With an NVIDIA GPU and its
//! driver, `system/gpu_<i>_…` as MLflow's `GPUMonitor` names them, through NVML loaded at run time.
//!
//! One difference, on purpose: MLflow samples at the start of each interval, and psutil's first CPU
//! reading in its monitor thread compares the CPU times with themselves, so MLflow's step 0 always
//! says 0 % CPU and every step shows the machine one interval late. Here each sample is taken at
//! the end of its interval and measures it, from the start.
use crate::entities::Metric;
use crate::error::StoreError;
use crate::store::TrackingStore;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// How system metrics are sampled.
#[derive(Debug, Clone)]
pub struct Config {
    /// Seconds between samples (MLflow's default 10).
    pub interval: Duration,
    /// Samples averaged into one logged value (MLflow's default 1).
    pub samples_before_logging: u32,
    /// Names the machine in multi-node training: `system/<node id>/…`.
    pub node_id: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            interval: Duration::from_secs(10),
            samples_before_logging: 1,
            node_id: None,
        }
    }
}

/// CPU time counters from `/proc/stat`'s first line: (busy, total) as psutil counts them (busy is
/// all but idle and iowait; guest time is already in user and nice).
fn cpu_times(proc_root: &Path) -> Option<(f64, f64)> {
    let text = std::fs::read_to_string(proc_root.join("stat")).ok()?;
    let line = text.lines().next()?;
    let mut fields = line.split_whitespace();
    if fields.next()? != "cpu" {
        return None;
    }
    let v: Vec<f64> = fields.filter_map(|f| f.parse().ok()).collect();
    // user nice system idle iowait irq softirq steal guest guest_nice
    let at = |i: usize| v.get(i).copied().unwrap_or(0.0);
    let total = at(0) + at(1) + at(2) + at(3) + at(4) + at(5) + at(6) + at(7);
    let busy = total - at(3) - at(4);
    Some((busy, total))
}

/// (used, total) memory in bytes, as psutil's `virtual_memory()`: used = total - available.
fn memory(proc_root: &Path) -> Option<(f64, f64)> {
    let text = std::fs::read_to_string(proc_root.join("meminfo")).ok()?;
    let mut fields = BTreeMap::new();
    for line in text.lines() {
        let mut parts = line.split_whitespace();
        let (Some(name), Some(kb)) = (parts.next(), parts.next()) else {
            continue;
        };
        if let Ok(kb) = kb.parse::<f64>() {
            fields.insert(name.trim_end_matches(':').to_string(), kb * 1024.0);
        }
    }
    let total = *fields.get("MemTotal")?;
    let avail = match fields.get("MemAvailable") {
        Some(a) => *a,
        None => fields.get("MemFree").copied().unwrap_or(0.0),
    };
    Some((total - avail, total))
}

/// (used, free to users, percent) of the file system holding `path`, as psutil's `disk_usage`.
#[cfg(unix)]
fn disk(path: &Path) -> Option<(f64, f64, f64)> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).ok()?;
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statvfs(c.as_ptr(), &mut st) } != 0 {
        return None;
    }
    let frsize = st.f_frsize as f64;
    let total = st.f_blocks as f64 * frsize;
    let avail_to_root = st.f_bfree as f64 * frsize;
    let avail_to_user = st.f_bavail as f64 * frsize;
    let used = total - avail_to_root;
    let total_user = used + avail_to_user;
    let percent = if total_user > 0.0 {
        round1(used / total_user * 100.0)
    } else {
        0.0
    };
    Some((used, avail_to_user, percent))
}

#[cfg(not(unix))]
fn disk(_: &Path) -> Option<(f64, f64, f64)> {
    None
}

/// Bytes received and sent over every interface (`/proc/net/dev`), as `net_io_counters()`.
fn network(proc_root: &Path) -> Option<(f64, f64)> {
    let text = std::fs::read_to_string(proc_root.join("net/dev")).ok()?;
    let (mut recv, mut sent) = (0.0, 0.0);
    for line in text.lines().skip(2) {
        let Some((_, fields)) = line.rsplit_once(':') else {
            continue;
        };
        let v: Vec<f64> = fields
            .split_whitespace()
            .filter_map(|f| f.parse().ok())
            .collect();
        if v.len() >= 9 {
            recv += v[0];
            sent += v[8];
        }
    }
    Some((recv, sent))
}

/// Python's `round(x, 1)`: the correctly rounded decimal of the binary value, exact ties to even
/// (Rust's formatting rounds the same way).
fn round1(x: f64) -> f64 {
    format!("{x:.1}").parse().unwrap_or(x)
}

/// Samples the machine and averages the samples into MLflow's metric values.
pub struct Sampler {
    proc_root: PathBuf,
    disk_path: PathBuf,
    last_cpu: Option<(f64, f64)>,
    net_start: Option<(f64, f64)>,
    samples: BTreeMap<String, Vec<f64>>,
    gpus: Option<gpu::Gpus>,
    network: BTreeMap<&'static str, f64>,
}

impl Sampler {
    /// A sampler reading `proc_root` (`/proc`) and the file system of `disk_path` (`/`); CPU and
    /// network are measured from now.
    pub fn new(proc_root: impl Into<PathBuf>, disk_path: impl Into<PathBuf>) -> Self {
        let proc_root = proc_root.into();
        Self {
            last_cpu: cpu_times(&proc_root),
            net_start: network(&proc_root),
            proc_root,
            disk_path: disk_path.into(),
            samples: BTreeMap::new(),
            network: BTreeMap::new(),
            gpus: gpu::Gpus::open(),
        }
    }

    /// Takes one sample.
    pub fn collect(&mut self) {
        if let Some(now) = cpu_times(&self.proc_root) {
            let (b0, t0) = self.last_cpu.unwrap_or(now);
            let (busy, total) = (now.0 - b0, now.1 - t0);
            let pct = if total > 0.0 {
                round1(busy / total * 100.0)
            } else {
                0.0
            };
            self.push("cpu_utilization_percentage", pct);
            self.last_cpu = Some(now);
        }
        if let Some((used, total)) = memory(&self.proc_root) {
            self.push("system_memory_usage_megabytes", used / 1e6);
            if total > 0.0 {
                self.push("system_memory_usage_percentage", used / total * 100.0);
            }
        }
        if let Some((used, free, pct)) = disk(&self.disk_path) {
            self.push("disk_usage_percentage", pct);
            self.push("disk_usage_megabytes", used / 1e6);
            self.push("disk_available_megabytes", free / 1e6);
        }
        let gpu_samples = self
            .gpus
            .as_ref()
            .map(gpu::Gpus::sample)
            .unwrap_or_default();
        for (name, v) in gpu_samples {
            self.push(name, v);
        }
        if let (Some((r, s)), Some((r0, s0))) = (network(&self.proc_root), self.net_start) {
            self.network
                .insert("network_receive_megabytes", r / 1e6 - r0 / 1e6);
            self.network
                .insert("network_transmit_megabytes", s / 1e6 - s0 / 1e6);
        }
    }

    fn push(&mut self, name: impl Into<String>, v: f64) {
        self.samples.entry(name.into()).or_default().push(v);
    }

    /// The samples since the last call, averaged and rounded as MLflow's monitors do (network
    /// totals as they stand), named `system/[<node>/]<name>`; the samples are then cleared.
    pub fn aggregate(&mut self, node_id: Option<&str>) -> Vec<(String, f64)> {
        let prefix = match node_id {
            Some(n) => format!("system/{n}/"),
            None => "system/".to_string(),
        };
        let mut out: Vec<(String, f64)> = self
            .samples
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| {
                (
                    format!("{prefix}{k}"),
                    round1(v.iter().sum::<f64>() / v.len() as f64),
                )
            })
            .collect();
        out.extend(
            self.network
                .iter()
                .map(|(k, v)| (format!("{prefix}{k}"), *v)),
        );
        self.samples.clear();
        self.network.clear();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }
}

/// NVIDIA GPUs through NVML, loaded at run time (a machine without the driver has no GPUs here
/// and logs nothing GPU-related), sampled as MLflow's `GPUMonitor` does.
mod gpu {
    pub struct Gpus {
        #[cfg(target_os = "linux")]
        nvml: nvml_wrapper::Nvml,
        count: u32,
    }

    impl Gpus {
        /// NVML and its device count; None when the library or a GPU is missing.
        #[cfg(target_os = "linux")]
        pub fn open() -> Option<Self> {
            let nvml = nvml_wrapper::Nvml::init().ok()?;
            let count = nvml.device_count().ok().filter(|n| *n > 0)?;
            Some(Self { nvml, count })
        }

        #[cfg(not(target_os = "linux"))]
        pub fn open() -> Option<Self> {
            None
        }

        /// One sample per device: `gpu_<i>_memory_usage_percentage` (rounded as MLflow rounds
        /// it), `…_memory_usage_megabytes`, `…_utilization_percentage`, `…_power_usage_watts`,
        /// `…_power_usage_percentage`; a reading NVML refuses is left out.
        #[cfg(target_os = "linux")]
        pub fn sample(&self) -> Vec<(String, f64)> {
            let mut out = Vec::new();
            for i in 0..self.count {
                let Ok(d) = self.nvml.device_by_index(i) else {
                    continue;
                };
                if let Ok(m) = d.memory_info() {
                    if m.total > 0 {
                        out.push((
                            format!("gpu_{i}_memory_usage_percentage"),
                            super::round1(m.used as f64 / m.total as f64 * 100.0),
                        ));
                    }
                    out.push((
                        format!("gpu_{i}_memory_usage_megabytes"),
                        m.used as f64 / 1e6,
                    ));
                }
                if let Ok(u) = d.utilization_rates() {
                    out.push((format!("gpu_{i}_utilization_percentage"), f64::from(u.gpu)));
                }
                if let (Ok(mw), Ok(cap)) = (d.power_usage(), d.enforced_power_limit()) {
                    out.push((format!("gpu_{i}_power_usage_watts"), f64::from(mw) / 1000.0));
                    if cap > 0 {
                        out.push((
                            format!("gpu_{i}_power_usage_percentage"),
                            f64::from(mw) / f64::from(cap) * 100.0,
                        ));
                    }
                }
            }
            out
        }

        #[cfg(not(target_os = "linux"))]
        pub fn sample(&self) -> Vec<(String, f64)> {
            let _ = self.count;
            Vec::new()
        }
    }
}

/// A stop signal the sampling thread waits on.
struct Stop {
    stopped: Mutex<bool>,
    wake: Condvar,
}

impl Stop {
    /// Waits up to `d`; true when stopped.
    fn wait(&self, d: Duration) -> bool {
        let guard = self.stopped.lock().unwrap_or_else(|e| e.into_inner());
        let (guard, _) = self
            .wake
            .wait_timeout_while(guard, d, |s| !*s)
            .unwrap_or_else(|e| e.into_inner());
        *guard
    }
    fn stop(&self) {
        *self.stopped.lock().unwrap_or_else(|e| e.into_inner()) = true;
        self.wake.notify_all();
    }
}

/// Runs `work` while a thread samples the machine into `run_id` every `config.interval` (steps 0,
/// 1, …; a sample cut short by the end of `work` is not logged, as in MLflow). Returns what `work`
/// returned and the first error logging met (sampling then stops; `work` goes on).
pub fn monitor_while<R>(
    store: &(dyn TrackingStore + Sync),
    run_id: &str,
    config: &Config,
    work: impl FnOnce() -> R,
) -> (R, Option<StoreError>) {
    let stop = Stop {
        stopped: Mutex::new(false),
        wake: Condvar::new(),
    };
    std::thread::scope(|s| {
        let sampler = s.spawn(|| {
            let mut sampler = Sampler::new("/proc", "/");
            let mut step = 0i64;
            loop {
                for _ in 0..config.samples_before_logging.max(1) {
                    if stop.wait(config.interval) {
                        return None;
                    }
                    sampler.collect();
                }
                let ts = crate::clock::now_ms();
                let metrics: Vec<Metric> = sampler
                    .aggregate(config.node_id.as_deref())
                    .into_iter()
                    .map(|(key, value)| Metric {
                        key,
                        value,
                        timestamp: ts,
                        step,
                    })
                    .collect();
                if !metrics.is_empty() {
                    if let Err(e) = store.log_batch(run_id, &metrics, &[], &[]) {
                        return Some(e);
                    }
                }
                step += 1;
            }
        });
        let out = work();
        stop.stop();
        let err = sampler.join().ok().flatten();
        (out, err)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_as_python_rounds() {
        assert_eq!(round1(12.34), 12.3);
        assert_eq!(round1(12.36), 12.4);
        assert_eq!(round1(0.25), 0.2);
        assert_eq!(round1(0.35), 0.3); // 0.35 is 0.34999… in binary
        assert_eq!(round1(100.0), 100.0);
    }

    /// A fake `/proc` with two CPU readings: 50 % busy between them, memory and network as psutil
    /// would compute them.
    #[test]
    fn samples_read_proc_as_psutil_does() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        std::fs::create_dir_all(p.join("net")).unwrap();
        let write_stat = |user: u64, idle: u64| {
            std::fs::write(
                p.join("stat"),
                format!("cpu  {user} 0 0 {idle} 0 0 0 0 0 0\ncpu0 1 2 3 4\n"),
            )
            .unwrap();
        };
        let write_net = |recv: u64, sent: u64| {
            std::fs::write(
                p.join("net/dev"),
                format!("Inter-|   Receive\n face |bytes\n    lo: {recv} 1 0 0 0 0 0 0 {sent} 1 0 0 0 0 0 0\n  eth0: 1000000 1 0 0 0 0 0 0 0 1 0 0 0 0 0 0\n"),
            )
            .unwrap();
        };
        std::fs::write(
            p.join("meminfo"),
            "MemTotal:       1000 kB\nMemFree:         100 kB\nMemAvailable:    250 kB\n",
        )
        .unwrap();
        write_stat(100, 100);
        write_net(0, 0);
        let mut s = Sampler::new(p, p);
        write_stat(150, 150);
        write_net(3_000_000, 500_000);
        s.collect();
        let got: BTreeMap<String, f64> = s.aggregate(None).into_iter().collect();
        assert_eq!(got["system/cpu_utilization_percentage"], 50.0);
        assert_eq!(got["system/system_memory_usage_megabytes"], 0.8); // 768,000 B
        assert_eq!(got["system/system_memory_usage_percentage"], 75.0);
        assert_eq!(got["system/network_receive_megabytes"], 3.0);
        assert_eq!(got["system/network_transmit_megabytes"], 0.5);
        assert!(got.contains_key("system/disk_usage_percentage"));
        // A node id names the machine; the samples were cleared.
        s.collect();
        let names: Vec<String> = s.aggregate(Some("n0")).into_iter().map(|m| m.0).collect();
        assert!(
            names.iter().all(|n| n.starts_with("system/n0/")),
            "{names:?}"
        );
        assert!(names.iter().all(|n| !n.contains("gpu")));
    }

    /// This machine has no NVIDIA GPU (nor NVML): sampling the real machine logs nothing
    /// GPU-related and fails on nothing.
    #[test]
    fn without_a_gpu_nothing_gpu_related_is_sampled() {
        let mut s = Sampler::new("/proc", "/");
        assert!(s.gpus.is_none());
        s.collect();
        s.collect();
        let names: Vec<String> = s.aggregate(None).into_iter().map(|m| m.0).collect();
        assert!(names.contains(&"system/cpu_utilization_percentage".to_string()));
        assert!(names.iter().all(|n| !n.contains("gpu")), "{names:?}");
    }
}
