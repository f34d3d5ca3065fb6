// Swift's Glibc module does not export renameat2, so it is reached through syscall().
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "atomic_rename.h"
#if defined(__linux__)
#include <sys/syscall.h>
#include <linux/fs.h>
#endif

int thidua_exchange_paths(const char *a, const char *b) {
#if defined(__linux__) && defined(SYS_renameat2)
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}
