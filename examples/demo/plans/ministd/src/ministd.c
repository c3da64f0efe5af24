#include "ministd.h"

size_t ms_length(const char *text) {
  size_t n = 0;
  while (text[n] != '\0') n++;
  return n;
}

char *ms_reverse(const char *text, char *out) {
  size_t n = ms_length(text);
  for (size_t i = 0; i < n; i++) out[i] = text[n - 1 - i];
  out[n] = '\0';
  return out;
}

char *ms_upper(char *text) {
  for (char *c = text; *c != '\0'; c++)
    if (*c >= 'a' && *c <= 'z') *c = (char)(*c - 'a' + 'A');
  return text;
}

static int blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

size_t ms_words(const char *text) {
  size_t words = 0;
  int inside = 0;
  for (const char *c = text; *c != '\0'; c++) {
    if (blank(*c)) inside = 0;
    else if (!inside) { inside = 1; words++; }
  }
  return words;
}
