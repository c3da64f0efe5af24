#include <stdio.h>
#include "demo.h"

int main(void) {
  puts(demo_version());
  return 0;
}
