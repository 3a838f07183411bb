// One booted host at a time. On this kernel's hybrid cgroup layout every systemd-nspawn container gets the same
// cgroup root (/payload), so two booted hosts share /payload/system.slice/<unit>: one host's systemd removing a cgroup
// the other is starting a unit in fails that start with 219/CGROUP, and each host's cgroup figures count the other's
// processes (seen by bench/daemon.sh, and as rare boot flakes under parallel collections).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
