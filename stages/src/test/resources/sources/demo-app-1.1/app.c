#include <stdio.h>
#include <demo.h>

int main(void) {
  printf("2 + 3 = %d (%s)\n", demo_add(2, 3), demo_version());
  return 0;
}
