#!/usr/bin/env bash
# Proves the README's promise on a machine that has nothing: builds a minimal Debian 12 (bookworm)
# root with debootstrap, puts a clean copy of this repository in it (`git archive HEAD`: committed
# files only, no build folders, no tupu.db), and runs the README's two commands inside it with
# chroot, exactly as written, from the repository's top folder:
#
#   scripts/quickstart.sh
#   scripts/test.sh
#
# A package that install-deps.sh forgets but this machine happens to have (python3-scipy was one,
# issue 11) makes it fail here, where it would fail for a new user.
#
# usage: scripts/fresh-machine-check.sh          (as root: debootstrap, mount and chroot need it)
#
# What it needs and keeps:
# - The Debian mirror comes from this machine's apt sources at run time (/etc/apt/sources.list,
#   /etc/apt/sources.list.d/*.list and *.sources): the bookworm entries are given to the new root
#   as its sources, and the `bookworm` one is debootstrap's mirror. No host name is written here.
#   This machine's `Acquire::` apt settings (proxy, date checks) go along: they are how this
#   machine reaches its mirror, not packages.
# - The root is made again from nothing on every run (TUPU_FRESH_DIR, default
#   /var/tmp/tupu-fresh-check/root; the old one is unmounted and removed first). Only downloaded
#   .deb files are kept between runs, in TUPU_FRESH_CACHE (default /var/cache/tupu-fresh-check),
#   for debootstrap (--cache-dir) and for apt inside the root (bind-mounted on its
#   /var/cache/apt/archives). A .deb in a cache is a download saved, never a package installed:
#   dpkg in the new root installs only what apt there decides to.
# - /proc, /sys, /dev and /dev/pts are mounted in the root (the shell tests open a pty) and
#   unmounted on exit, whether the check passed, failed or was interrupted.
# - Commands run with a clean environment (HOME=/root, a standard PATH, LANG=C.UTF-8 as a fresh
#   Debian 12 image has), so nothing from the caller's shell leaks in.
# Prints how long each step took. Exits non-zero when a step fails (the commands after a failed
# one do not run).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
dir=${TUPU_FRESH_DIR:-/var/tmp/tupu-fresh-check/root}
cache=${TUPU_FRESH_CACHE:-/var/cache/tupu-fresh-check}
suite=bookworm  # Debian 12, what the README promises

if [[ $(id -u) -ne 0 ]]; then
  echo "fresh-machine-check: run me as root (debootstrap, mount and chroot need it)" >&2
  exit 2
fi

log() { echo "fresh-machine-check: $*" >&2; }

# begin NAME ... done_step: time one step. Plain `set -e` stops the script inside a step (a
# function run as `cmd || ...` would lose set -e), and the exit trap records the step that failed.
declare -a timings=()
step_name="" step_start=0
record() {  # record RESULT
  local took=$(($(date +%s) - step_start))
  timings+=("$(printf '%-30s %3d min %02d s  %s' "$step_name" $((took / 60)) $((took % 60)) "$1")")
  log "=== $step_name: $took s, $1"
  step_name=""
}
begin() { step_name=$1; step_start=$(date +%s); log "=== $step_name"; }
done_step() { record ok; }

summary() {
  local t
  log "time per step:"
  for t in "${timings[@]}"; do echo "  $t" >&2; done
  # CPU time does not depend on what else the machine is running, unlike the times above.
  # (`times` itself, not in $(...): a subshell has no children's times to show.)
  log "CPU time (user, system) of this script, then of all the commands it ran:"
  times >&2
}

# Mount points inside $dir, deepest first (so /dev/pts goes before /dev). Reads /proc/mounts
# rather than remembering what we mounted, so a run interrupted earlier is cleaned up too.
mounts_under_root() {
  awk -v d="$dir" '$2 == d || index($2, d "/") == 1 { print $2 }' /proc/mounts | sort -r
}

unmount_all() {
  local m
  for m in $(mounts_under_root); do
    umount "$m" 2>/dev/null || umount -l "$m" || log "could not unmount $m"
  done
}

cleanup() {
  local rc=$?
  if [[ -n $step_name ]]; then record "FAILED (exit $rc)"; fi
  unmount_all
  if [[ ${#timings[@]} -gt 0 ]]; then summary; fi
  if [[ $rc -eq 0 ]]; then
    log "PASSED: both README commands ran on a fresh Debian 12 root"
  else
    log "FAILED (exit $rc); the root is left in $dir to look into (chroot $dir)"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The old root goes first. Its mounts must be gone before rm -rf, or rm would walk into this
# machine's /dev and /proc through them; --one-file-system is the second guard.
remove_old_root() {
  unmount_all
  if [[ -n $(mounts_under_root) ]]; then
    log "still mounted under $dir, not removing it:"
    mounts_under_root >&2
    return 1
  fi
  rm -rf --one-file-system "$dir"
}

# --- This machine's Debian sources, bookworm entries only ---------------------------------------
# Prints them as one-line sources.list entries ("deb [options] URI SUITE COMPONENT..."), from both
# formats: one-line .list files and deb822 .sources files. Other repositories (third-party ones,
# other releases) are left out: a fresh Debian 12 machine has only Debian's.
is_our_suite() { [[ $1 =~ ^${suite}(-updates|-security|-backports)?$ || $1 == "${suite}/updates" ]]; }

host_sources() {
  local f line
  local -a fields
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f $f ]] || continue
    while read -r line; do
      line=${line%%#*}
      read -ra fields <<<"$line"
      [[ ${#fields[@]} -ge 3 && ${fields[0]} == deb ]] || continue
      # Options in brackets ([signed-by=... arch=...]) come before the URI.
      local i=1 opts=""
      if [[ ${fields[1]} == "["* ]]; then
        while [[ $i -lt ${#fields[@]} ]]; do
          opts+="${fields[$i]} "
          [[ ${fields[$i]} == *"]" ]] && { i=$((i + 1)); break; }
          i=$((i + 1))
        done
      fi
      local uri=${fields[$i]:-} s=${fields[$((i + 1))]:-}
      is_our_suite "$s" || continue
      echo "deb ${opts}${uri} ${s} ${fields[*]:$((i + 2))}"
    done <"$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -f $f ]] || continue
    # deb822: stanzas separated by blank lines; one line per stanza out, fields joined by tabs.
    awk 'BEGIN { RS = ""; FS = "\n" }
      {
        types = uris = suites = comps = signed = ""; enabled = "yes"
        for (i = 1; i <= NF; i++) {
          line = $i
          if (line ~ /^#/) continue
          key = tolower(substr(line, 1, index(line, ":") - 1)); val = substr(line, index(line, ":") + 1)
          gsub(/^[ \t]+|[ \t]+$/, "", val)
          if (key == "types") types = val
          else if (key == "uris") uris = val
          else if (key == "suites") suites = val
          else if (key == "components") comps = val
          else if (key == "signed-by") signed = val
          else if (key == "enabled") enabled = tolower(val)
        }
        if (enabled != "no" && (" " types " ") ~ / deb /) print uris "\t" suites "\t" comps "\t" signed
      }' "$f" |
      while IFS=$'\t' read -r uris suites comps signed; do
        local u s opts=""
        # An inline key (several lines) cannot go on one line; only a keyring path is kept.
        [[ $signed == /* && $signed != *" "* ]] && opts="[signed-by=$signed] "
        for u in $uris; do
          for s in $suites; do
            is_our_suite "$s" && echo "deb ${opts}${u} ${s} ${comps}"
          done
        done
      done
  done
}

sources=$(host_sources | awk '!seen[$0]++')
if [[ -z $sources ]]; then
  log "this machine's apt sources have no Debian $suite entry to take the mirror from"
  exit 2
fi
# debootstrap's mirror: the URI of the plain `bookworm` entry.
mirror=$(awk -v s="$suite" '{ n = 2; if ($2 ~ /^\[/) { while ($n !~ /\]$/) n++; n++ }
                             if ($(n + 1) == s) { print $n; exit } }' <<<"$sources")
if [[ -z $mirror ]]; then
  log "no plain '$suite' entry among this machine's apt sources:"
  echo "$sources" >&2
  exit 2
fi

if ! command -v debootstrap >/dev/null; then
  begin "install debootstrap"
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq \
    --no-install-recommends debootstrap
  done_step
fi
if [[ -n $(git -C "$repo" status --porcelain --untracked-files=no) ]]; then
  log "note: uncommitted changes are not part of the check (it copies HEAD)"
fi

begin "remove the old root"
remove_old_root
done_step

begin "debootstrap $suite (minbase)"
mkdir -p "$dir" "$cache/debootstrap" "$cache/apt-archives/partial"
# minbase: essential packages and apt, less than any real install has. If the README's commands
# pass here, a missing package cannot hide behind what a fuller image brings.
debootstrap --variant=minbase --cache-dir="$cache/debootstrap" "$suite" "$dir" "$mirror"
done_step

begin "set up the root, copy HEAD"
printf '%s\n' "# This machine's Debian $suite sources (scripts/fresh-machine-check.sh)" "$sources" \
  >"$dir/etc/apt/sources.list"
rm -f "$dir"/etc/apt/sources.list.d/*
# Keyrings named by signed-by that the new root lacks come from this machine.
for k in $(grep -o 'signed-by=[^] ]*' "$dir/etc/apt/sources.list" | cut -d= -f2 | sort -u); do
  if [[ ! -e $dir$k && -e $k ]]; then
    mkdir -p "$(dirname "$dir$k")"
    cp "$k" "$dir$k"
  fi
done
# One-line Acquire:: settings only (proxy, Check-Valid-Until, ...): how to reach the mirror.
grep -hE '^[[:space:]]*Acquire::' /etc/apt/apt.conf /etc/apt/apt.conf.d/* 2>/dev/null \
  >"$dir/etc/apt/apt.conf.d/00this-machine-acquire" || true
cp /etc/resolv.conf "$dir/etc/resolv.conf"
# No daemon starts inside the root while packages install (the usual chroot precaution).
printf '#!/bin/sh\nexit 101\n' >"$dir/usr/sbin/policy-rc.d"
chmod +x "$dir/usr/sbin/policy-rc.d"
chmod 1777 "$dir/tmp"
mount -t proc proc "$dir/proc"
mount -t sysfs sysfs "$dir/sys"
mount --bind /dev "$dir/dev"
mount --bind /dev/pts "$dir/dev/pts"
mount --bind "$cache/apt-archives" "$dir/var/cache/apt/archives"
mkdir "$dir/root/tupu"
git -C "$repo" archive --format=tar HEAD | tar -x -C "$dir/root/tupu"
done_step

# in_root COMMAND: runs a README command in the root, from the repository's top folder, with the
# environment a root login on a fresh machine has and nothing from ours.
in_root() {
  chroot "$dir" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    /bin/bash -c "cd /root/tupu && $1"
}
begin "scripts/quickstart.sh"
in_root scripts/quickstart.sh
done_step
begin "scripts/test.sh"
in_root scripts/test.sh
done_step
# Drops .debs the mirror no longer has (superseded versions), so the cache does not grow.
in_root "apt-get autoclean -qq" || true
