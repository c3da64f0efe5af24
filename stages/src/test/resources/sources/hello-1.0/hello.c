#include <stdio.h>

int main(void) {
  puts("hello from a default build");
  return 0;
}
