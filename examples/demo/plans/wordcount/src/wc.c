/* wordcount: counts the words of standard input, like wc -w. */
#include <stdio.h>
#include "ministd.h"

int main(void) {
  char line[4096];
  size_t total = 0;
  while (fgets(line, sizeof line, stdin) != NULL) total += ms_words(line);
  printf("%zu\n", total);
  return 0;
}
