#include <stdio.h>
#include <string.h>
#include "greet.h"

static const char *salutation(const char *language) {
  if (strcmp(language, "de") == 0) return "Hallo";
  if (strcmp(language, "fr") == 0) return "Bonjour";
  return "Hello";
}

int greet(const char *language, const char *name, char *out, int size) {
  return snprintf(out, (size_t)size, "%s, %s!", salutation(language), name);
}
