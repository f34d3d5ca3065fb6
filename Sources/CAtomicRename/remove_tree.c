// Removing the previous output tree: nftw (ftw.h), which Swift's Glibc module does not export.
#define _GNU_SOURCE
#include <ftw.h>
#include <stdio.h>
#include <unistd.h>
#include "atomic_rename.h"

static int remove_entry(const char *path, const struct stat *sb, int type, struct FTW *ftw) {
    (void)sb; (void)ftw;
    return (type == FTW_DP ? rmdir(path) : unlink(path)) == 0 ? 0 : -1;
}

int thidua_remove_tree(const char *path) {
    // Post-order, so folders are empty when removed; FTW_PHYS, so a link is removed, never followed.
    return nftw(path, remove_entry, 32, FTW_DEPTH | FTW_PHYS);
}
