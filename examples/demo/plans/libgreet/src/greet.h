/* libgreet: greetings in a few languages. */
#ifndef GREET_H
#define GREET_H

/* Writes a greeting for name in the given language ("en", "de", "fr"; others fall back to
 * "en") into out, at most size bytes; returns the length it wanted to write. */
int greet(const char *language, const char *name, char *out, int size);

#endif
