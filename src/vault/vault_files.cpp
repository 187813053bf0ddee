#include "vault/vault_files.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>
#include <utility>
#include <vector>

#include "core/env.h"
#include "core/paths.h"

namespace haven::vault::internal {
namespace {

std::string errno_text(int err) { return std::strerror(err); }

}  // namespace

std::string header_path(const std::string& dir) { return paths::join(dir, kHeaderName); }
std::string database_path(const std::string& dir) { return paths::join(dir, kDatabaseName); }

bool is_vault_file_name(const std::string& name) {
  if (name == kHeaderName || name == kDatabaseName || name == "vault.db-wal" || name == "vault.db-journal") {
    return true;
  }
  // Env::write_file_atomic's temporary name, and the backup writer's.
  return name.rfind(std::string(kHeaderName) + ".tmp-", 0) == 0;
}

Result<DirLock> DirLock::acquire(const std::string& dir, int wait_ms) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    if (err == ENOENT) return not_found("there is no vault folder at " + dir);
    return io_error("cannot open the vault folder " + dir + ": " + errno_text(err));
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
  for (;;) {
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) break;
    int err = errno;
    if (err != EWOULDBLOCK && err != EINTR) {
      ::close(fd);
      return io_error("cannot lock the vault folder " + dir + ": " + errno_text(err));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      ::close(fd);
      return busy("another Haven process is using the vault at " + dir + "; close it and try again");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  DirLock lock;
  lock.fd_ = fd;
  return lock;
}

DirLock::~DirLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

DirLock::DirLock(DirLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

DirLock& DirLock::operator=(DirLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

Status make_private_dir(const std::string& dir) {
  HAVEN_RETURN_IF_ERROR(Env::default_env()->create_dirs(dir));
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) return io_error("cannot inspect " + dir + ": " + errno_text(errno));
  if ((st.st_mode & 0777) != 0700 && ::chmod(dir.c_str(), 0700) != 0) {
    return io_error("cannot make " + dir + " private (mode 0700): " + errno_text(errno));
  }
  return Status::ok();
}

Status sync_dir(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return io_error("cannot open folder " + dir + ": " + errno_text(errno));
  int rc = ::fsync(fd);
  int err = errno;
  ::close(fd);
  if (rc != 0) return io_error("cannot sync folder " + dir + ": " + errno_text(err));
  return Status::ok();
}

void harden_process() {
  struct rlimit none {};
  ::setrlimit(RLIMIT_CORE, &none);
  ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

Status erase_vault_files(const std::string& dir) {
  const std::string header = header_path(dir);
  int fd = ::open(header.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd >= 0) {
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
      std::vector<uint8_t> noise(static_cast<size_t>(st.st_size));
      randombytes_buf(noise.data(), noise.size());
      ssize_t written = ::pwrite(fd, noise.data(), noise.size(), 0);
      if (written != static_cast<ssize_t>(noise.size()) || ::fsync(fd) != 0) {
        int err = errno;
        ::close(fd);
        return io_error("cannot overwrite the vault key file " + header + ": " + errno_text(err));
      }
    }
    ::close(fd);
  } else if (errno != ENOENT) {
    return io_error("cannot open the vault key file " + header + ": " + errno_text(errno));
  }
  auto names = Env::default_env()->list_dir(dir);
  if (!names.is_ok()) return names.status();
  for (const std::string& name : *names) {
    if (!is_vault_file_name(name)) continue;
    std::string path = paths::join(dir, name);
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
      return io_error("cannot remove " + path + ": " + errno_text(errno));
    }
  }
  HAVEN_RETURN_IF_ERROR(sync_dir(dir));
  if (::rmdir(dir.c_str()) == 0) return sync_dir(parent_of(dir));
  if (errno == ENOTEMPTY || errno == EEXIST) return Status::ok();  // the user's own files stay
  return io_error("cannot remove the folder " + dir + ": " + errno_text(errno));
}

std::string parent_of(const std::string& path) {
  std::string p = path;
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  auto slash = p.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return p.substr(0, slash);
}

}  // namespace haven::vault::internal
