#!/bin/sh
# Remakes the ELF fixtures of ToolsReferencesTest (x86_64, gcc). They are committed so the test
# needs no compiler: each is hello.c linked differently.
set -eu
cd "$(dirname "$0")"
printf '#include <stdio.h>\nint main(void){puts("hi");return 0;}\n' > /tmp/kiln-hi.c
gcc -Os -s -Wl,--dynamic-linker=/tools/lib/ld-linux-x86-64.so.2 -o interp-tools /tmp/kiln-hi.c
gcc -Os -s -Wl,-rpath,/tools/lib -o runpath-tools /tmp/kiln-hi.c   # DT_RUNPATH /tools/lib
gcc -Os -s -Wl,-rpath,/tools -o rpath-bare-tools /tmp/kiln-hi.c    # DT_RUNPATH /tools
gcc -Os -s -o clean /tmp/kiln-hi.c
rm /tmp/kiln-hi.c
