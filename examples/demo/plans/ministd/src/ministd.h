/* ministd: the few string helpers the demo's programs share. */
#ifndef MINISTD_H
#define MINISTD_H
#include <stddef.h>

size_t ms_length(const char *text);
/* Writes text reversed into out (at least ms_length(text) + 1 bytes); returns out. */
char *ms_reverse(const char *text, char *out);
/* Upper-cases ASCII letters in place; returns text. */
char *ms_upper(char *text);
/* Counts the words (runs of non-blank characters) in text. */
size_t ms_words(const char *text);

#endif
