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

.PHONY: all deps build test unit-test rootfs demo publish clean

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
test: deps build rootfs publish
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

clean:
	rm -rf out
	$(DOTNET) clean Agent.sln -c $(CONFIG) --nologo -v quiet
