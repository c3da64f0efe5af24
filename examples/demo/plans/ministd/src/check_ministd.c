/* The ministd test suite: exits non-zero on the first wrong answer. */
#include <stdio.h>
#include <string.h>
#include "ministd.h"

static int failures = 0;

static void expect(int ok, const char *what) {
  printf("%s %s\n", ok ? "ok" : "not ok", what);
  if (!ok) failures++;
}

int main(void) {
  char buffer[64];
  char shout[] = "kiln 1";
  expect(ms_length("") == 0, "length of the empty string");
  expect(ms_length("stage") == 5, "length of a word");
  expect(strcmp(ms_reverse("abc", buffer), "cba") == 0, "reverse");
  expect(strcmp(ms_upper(shout), "KILN 1") == 0, "upper");
  expect(ms_words("  two\twords \n") == 2, "words between blanks");
  return failures == 0 ? 0 : 1;
}
