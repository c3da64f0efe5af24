/* hello: greets whoever is named on the command line, in $LANGUAGE if set. */
#include <stdio.h>
#include <stdlib.h>
#include "greet.h"

int main(int argc, char **argv) {
  const char *language = getenv("GREET_LANGUAGE");
  char line[128];
  greet(language != NULL ? language : "en", argc > 1 ? argv[1] : "world", line, sizeof line);
  puts(line);
  return 0;
}
