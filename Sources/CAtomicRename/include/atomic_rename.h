#ifndef THIDUA_ATOMIC_RENAME_H
#define THIDUA_ATOMIC_RENAME_H
/// Exchanges two paths in one atomic step (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. ENOSYS, EINVAL on filesystems without it).
int thidua_exchange_paths(const char *a, const char *b);

/// Removes `path` and everything under it, without following symbolic links.
/// Returns 0 on success, -1 with errno set otherwise.
int thidua_remove_tree(const char *path);
#endif
