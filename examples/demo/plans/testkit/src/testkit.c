/* testkit: runs test programs, prints one line each and a summary, fails if any failed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "ministd.h"

static int run(const char *program) {
  pid_t child = fork();
  if (child < 0) return -1;
  if (child == 0) {
    execl(program, program, (char *)NULL);
    _exit(127);
  }
  int status = 0;
  if (waitpid(child, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

int main(int argc, char **argv) {
  int failed = 0;
  for (int i = 1; i < argc; i++) {
    int code = run(argv[i]);
    char verdict[8];
    strcpy(verdict, code == 0 ? "pass" : "fail");
    printf("testkit: %s %s\n", ms_upper(verdict), argv[i]);
    if (code != 0) failed++;
  }
  printf("testkit: %d passed, %d failed\n", argc - 1 - failed, failed);
  return failed == 0 ? 0 : 1;
}
