# wgagent — every target works on a fresh Debian 12 machine as root with the .NET SDK installed.
# `make test` and `make demo` install what they need themselves (Debian packages, the lab's rootfs cache).

SHELL   := /bin/bash
CONFIG  ?= Release
RID     ?= linux-x64
PUBLISH := out/publish/$(RID)
DOTNET  := dotnet
# Self-contained so the .deb needs no .NET runtime; trimmed and ReadyToRun so it is small and starts fast.
PUBLISH_FLAGS := --self-contained -p:PublishTrimmed=true -p:PublishReadyToRun=true -p:PublishSingleFile=true \
                 -p:DebugType=none -p:PublishDocumentationFile=false

.PHONY: all deps build test unit-test rootfs demo publish publish-arm64 deb clean

all: build

## deps: apt-get update + the Debian packages the project needs (idempotent)
deps:
	scripts/deps.sh

## build: the whole solution
build:
	$(DOTNET) build Agent.sln -c $(CONFIG) --nologo -v quiet -clp:NoSummary

## rootfs: the cached Debian 12 rootfs the booted-host tests start from (built once, reused)
rootfs: deps
	scripts/lab-rootfs.sh >/dev/null

## test: deps + build + every test (unit, lab, booted system), with one total at the end
test: deps build rootfs publish publish-arm64
	scripts/run-tests.sh

## demo: the lab topology in network namespaces, narrated; tears down on exit or Ctrl-C
demo: deps rootfs publish
	$(DOTNET) run --project tests/WgAgent.Lab.Demo -c $(CONFIG)

## publish: self-contained, trimmed, ReadyToRun single-file binaries into out/publish/<rid>
publish:
	$(DOTNET) publish src/WgAgent/WgAgent.csproj -c $(CONFIG) -r $(RID) -o $(PUBLISH) --nologo -v quiet \
	  $(PUBLISH_FLAGS)
	$(DOTNET) publish src/AgentCtl/AgentCtl.csproj -c $(CONFIG) -r $(RID) -o $(PUBLISH) --nologo -v quiet \
	  $(PUBLISH_FLAGS)
	$(PUBLISH)/wgagent --version && $(PUBLISH)/agentctl --version

## publish-arm64: the same binaries for linux-arm64 into out/publish/linux-arm64, cross-compiled (wgagent's Native AOT
## links with clang and Debian's aarch64 cross toolchain, see scripts/deps.sh); they cannot run here, so file(1) checks them
publish-arm64:
	$(DOTNET) publish src/WgAgent/WgAgent.csproj -c $(CONFIG) -r linux-arm64 -o out/publish/linux-arm64 --nologo -v quiet \
	  $(PUBLISH_FLAGS)
	$(DOTNET) publish src/AgentCtl/AgentCtl.csproj -c $(CONFIG) -r linux-arm64 -o out/publish/linux-arm64 --nologo -v quiet \
	  $(PUBLISH_FLAGS)
	@for bin in wgagent agentctl; do \
	  file -b out/publish/linux-arm64/$$bin | grep -q 'ARM aarch64' \
	    || { echo "publish-arm64: $$bin is not an aarch64 executable: $$(file -b out/publish/linux-arm64/$$bin)"; exit 1; }; \
	done; file out/publish/linux-arm64/wgagent out/publish/linux-arm64/agentctl | cut -c1-110

DEB_VERSION = $(shell tr -d '[:space:]' < VERSION)
DEBS        = out/deb/wgagent_$(DEB_VERSION)_amd64.deb out/deb/wgagent_$(DEB_VERSION)_arm64.deb

## deb: the amd64 and arm64 .debs from nfpm.yaml (scripts/build-deb.sh) into out/deb; lintian must find no error or warning
deb: deps publish publish-arm64
	scripts/build-deb.sh --arch amd64
	scripts/build-deb.sh --arch arm64
	lintian --fail-on error,warning $(DEBS)
	@echo "lintian: no errors, no warnings"; ls -l $(DEBS) | awk '{ printf "%s %.1f MiB\n", $$NF, $$5 / 1048576 }'

clean:
	rm -rf out
	$(DOTNET) clean Agent.sln -c $(CONFIG) --nologo -v quiet
