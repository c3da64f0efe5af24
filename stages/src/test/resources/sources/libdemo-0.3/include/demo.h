#ifndef DEMO_H
#define DEMO_H
int demo_add(int a, int b);
const char *demo_version(void);
#endif
