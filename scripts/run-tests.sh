#!/usr/bin/env bash
# Runs every test suite in order (pure units first, then the lab, then the booted systems), one at a time so
# the lab suites do not compete for the two cores, and prints one total at the end. A skipped test counts as a
# failure: on this project's machines every test can run, so a skip hides a missing setup step.
set -uo pipefail
cd "$(dirname "$0")/.."

results=out/test-results
rm -rf "$results"; mkdir -p "$results"
config=${CONFIG:-Release}

suites=(
  tests/WgAgent.Toml.Tests
  tests/WgAgent.Core.Tests
  tests/WgAgent.CliWrap.Tests
  tests/WgAgent.Hosting.Systemd.Tests
  tests/WgAgent.Serilog.Sinks.Journald.Tests
  tests/WgAgent.Cli.Tests
  tests/WgAgent.Daemon.Tests
  tests/WgAgent.Status.Tests
  tests/WgAgent.Firewall.Tests
  tests/WgAgent.Exporters.Tests
  tests/WgAgent.Tunnel.Tests
  tests/WgAgent.Packaging.Tests
  tests/WgAgent.Lab.Tests
  tests/WgAgent.System.Tests
)

total_passed=0 total_failed=0 total_skipped=0 broken=()
count() { # the Counters element of a TRX file: passed, failed (+ errors, timeouts, aborted), not executed
  local trx=$1 attr
  for attr in passed failed error timeout aborted notExecuted total; do
    grep -o "<Counters [^>]*" "$trx" | grep -o " $attr=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0
  done | tr '\n' ' '
}

for suite in "${suites[@]}"; do
  name=$(basename "$suite")
  echo "== $name"
  start=$SECONDS
  dotnet test "$suite" -c "$config" --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" 2>&1 | tee "$results/$name.log" | grep -vE '^\s*$|^(Test run for|A total of|VSTest version|Starting test execution|Results File:)'
  rc=${PIPESTATUS[0]}
  trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "   $name: no results (dotnet test exited $rc; see $results/$name.log)"
    broken+=("$name"); continue
  fi
  read -r p f e t a n tot < <(count "$trx")
  failed=$((f + e + t + a))
  echo "   $name: $p passed, $failed failed, $n skipped of $tot in $((SECONDS - start)) s"
  [ "$tot" -eq 0 ] && broken+=("$name (ran no test)")
  [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ] && broken+=("$name (dotnet test exited $rc)")
  total_passed=$((total_passed + p)); total_failed=$((total_failed + failed)); total_skipped=$((total_skipped + n))
done

# The toml-test decoder adapter, driven from the shell like any TOML implementation under test.
if [ -x scripts/toml-test.sh ]; then
  echo "== toml-test decoder (shell driver)"
  if out=$(scripts/toml-test.sh 2>&1); then :; else broken+=("toml-test decoder"); fi
  echo "$out" | tail -n 5 | sed 's/^/   /'
fi

# The failed tests again, one line each, so the end of the log (often all that is kept) says what failed and why.
failures() { # test name and the first line of its message, from every TRX; perl-base is in every Debian
  perl -0777 -ne '
    while (/<UnitTestResult\b[^>]*?testName="([^"]*)"[^>]*?outcome="(?:Failed|Error|Timeout|Aborted)"(.*?)<\/UnitTestResult>/gs) {
      my ($name, $body) = ($1, $2);
      my ($message) = $body =~ /<Message>(.*?)<\/Message>/s;
      $message //= "(no message)";
      # A fixture failure is xunit'"'"'s wrapper line first, then the fixture'"'"'s own exception: keep both.
      $message = join " | ", (grep { /\S/ } split /\n/, $message)[0 .. 2];
      $message =~ s/( \| )+$//;
      for ($name, $message) { s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&apos;/\x27/g; s/&#xD;//g; s/&amp;/&/g; }
      printf "  %s: %.400s\n", $name, $message;
    }' "$results"/*.trx 2>/dev/null | head -n 40
}
echo
if [ "$total_failed" -gt 0 ]; then echo "failed tests (first 40; name: first lines of the message):"; failures; fi
[ ${#broken[@]} -gt 0 ] && echo "broken suites: ${broken[*]}"
[ "$total_skipped" -gt 0 ] && echo "skipped tests count as failures here: every test must run on this machine"
echo "total: $total_passed passed, $total_failed failed, $total_skipped skipped"
[ "$total_failed" -eq 0 ] && [ "$total_skipped" -eq 0 ] && [ ${#broken[@]} -eq 0 ]
