#include "base/file_io.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>
#include <vector>

namespace ibsa::internal {
namespace {

namespace fs = std::filesystem;

Diagnostic FileError(const std::string& code, const std::string& path, std::string message,
                     std::vector<std::string> help = {}) {
  return Diagnostic{code, SourceLocation{path, 0, 0}, std::move(message), std::move(help), "", 1};
}

std::string Reason(int error) { return std::strerror(error); }

// Closes a descriptor when it goes out of scope.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  // Closes now, so that the error of the close (a delayed write error) is seen.
  int Close() {
    const int result = ::close(fd_);
    fd_ = -1;
    return result;
  }

 private:
  int fd_;
};

const char* KindOf(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISFIFO(mode)) return "a named pipe";
  return "not a regular file";
}

// Appends what `fd` holds, to its end; false with `error` set on a read error or when it
// holds more than `max_bytes`.
bool ReadToEnd(int fd, std::size_t max_bytes, std::string& text, int& error) {
  char chunk[65536];
  for (;;) {
    const ssize_t got = ::read(fd, chunk, sizeof chunk);
    if (got < 0) {
      if (errno == EINTR) continue;
      error = errno;
      return false;
    }
    if (got == 0) return true;
    text.append(chunk, static_cast<std::size_t>(got));
    if (text.size() > max_bytes) {
      error = EFBIG;
      return false;
    }
  }
}

}  // namespace

std::optional<std::string> ReadFile(const std::string& path, Diagnostic& error,
                                    const ReadLimits& limits) {
  auto fail = [&](std::string message, std::vector<std::string> help = {}) {
    error = FileError("E0001", path, std::move(message), std::move(help));
    return std::nullopt;
  };
  const std::string too_large = "file is larger than " + std::to_string(limits.max_bytes) + " bytes";
  // Non-blocking, so that opening a named pipe nobody writes to does not wait forever.
  Descriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
  if (fd.get() < 0) return fail("cannot read file: " + Reason(errno));
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return fail("cannot read file: " + Reason(errno));
  const bool pipe = S_ISFIFO(st.st_mode) && limits.pipes;
  if (!S_ISREG(st.st_mode) && !pipe) {
    return fail(std::string("cannot read file: it is ") + KindOf(st.st_mode),
                {"give the path of a file"});
  }
  if (S_ISREG(st.st_mode) && static_cast<std::uintmax_t>(st.st_size) > limits.max_bytes) {
    return fail(too_large);
  }
  // Blocking again: a pipe with a writer is read as it comes.
  ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) & ~O_NONBLOCK);
  std::string text;
  text.reserve(static_cast<std::size_t>(st.st_size));
  int read_error = 0;
  if (!ReadToEnd(fd.get(), limits.max_bytes, text, read_error)) {
    return read_error == EFBIG ? fail(too_large) : fail("cannot read file: " + Reason(read_error));
  }
  if (pipe && text.empty()) {
    return fail("cannot read file: the pipe is empty (no program wrote to it)");
  }
  return text;
}

namespace {

// Walks one folder tree for FindFiles. `inside` holds the folders (device, inode) the walk
// is in, to tell a link loop from a folder reached twice by different paths.
class FolderWalk {
 public:
  FolderWalk(const std::vector<std::string>& extensions, std::vector<Diagnostic>& errors)
      : extensions_(extensions), errors_(errors) {}

  void Walk(const fs::path& folder, int depth) {
    struct stat st {};
    if (::stat(folder.c_str(), &st) != 0) return Fail(folder, "cannot read folder: " + Reason(errno));
    const std::pair<dev_t, ino_t> id{st.st_dev, st.st_ino};
    if (std::find(inside_.begin(), inside_.end(), id) != inside_.end()) {
      return Fail(folder, "this folder link leads back to a folder it is inside of (a loop)");
    }
    if (depth > kMaxDepth) {
      return Fail(folder, "folders nested more than " + std::to_string(kMaxDepth) + " levels deep");
    }
    inside_.push_back(id);
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) Visit(it->path(), depth);
    if (ec) Fail(folder, "cannot read folder: " + ec.message());
    inside_.pop_back();
  }

  std::vector<std::string> Take() {
    std::sort(files_.begin(), files_.end());
    return std::move(files_);
  }

 private:
  static constexpr int kMaxDepth = 32;

  void Visit(const fs::path& path, int depth) {
    struct stat link {}, target {};
    if (::lstat(path.c_str(), &link) != 0) return Fail(path, "cannot read: " + Reason(errno));
    if (::stat(path.c_str(), &target) != 0) {
      return Fail(path, S_ISLNK(link.st_mode) ? "this link leads nowhere: " + Reason(errno)
                                              : "cannot read: " + Reason(errno));
    }
    if (S_ISDIR(target.st_mode)) return Walk(path, depth + 1);
    const std::string extension = path.extension().string();
    if (std::find(extensions_.begin(), extensions_.end(), extension) != extensions_.end()) {
      files_.push_back(path.string());  // ReadFile refuses what is not a file, by name
    }
  }

  void Fail(const fs::path& path, std::string message) {
    errors_.push_back(FileError("E0001", path.string(), std::move(message)));
  }

  const std::vector<std::string>& extensions_;
  std::vector<Diagnostic>& errors_;
  std::vector<std::pair<dev_t, ino_t>> inside_;
  std::vector<std::string> files_;
};

}  // namespace

std::vector<std::string> FindFiles(const std::string& folder,
                                   const std::vector<std::string>& extensions,
                                   std::vector<Diagnostic>& errors) {
  FolderWalk walk(extensions, errors);
  walk.Walk(folder, 0);
  return walk.Take();
}

namespace {

// The file a path names once symbolic links are followed (at most 40 of them, as the
// kernel does); the path itself when it is no link or does not exist yet.
std::optional<fs::path> FollowLinks(const fs::path& path, int& error) {
  fs::path current = path;
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(current.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return current;
    std::error_code ec;
    const fs::path target = fs::read_symlink(current, ec);
    if (ec) {
      error = ec.value();
      return std::nullopt;
    }
    current = target.is_absolute() ? target : current.parent_path() / target;
  }
  error = ELOOP;
  return std::nullopt;
}

fs::path FolderOf(const fs::path& file) {
  return file.has_parent_path() ? file.parent_path() : fs::path(".");
}

// A new file in `folder` for a text that will replace `name`; its path is in `temporary`.
int CreateTemporary(const fs::path& folder, const fs::path& name, std::string& temporary) {
  temporary = (folder / ("." + name.string() + ".XXXXXX")).string();
  return ::mkostemp(temporary.data(), O_CLOEXEC);  // mode 0600
}

bool WriteAll(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t written = ::write(fd, text.data(), text.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    text.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

// Blocks the signals that end a process while it lives, so that a Ctrl-C during a save
// comes after it (and leaves no temporary file).
class SignalsHeld {
 public:
  SignalsHeld() {
    sigset_t held;
    sigemptyset(&held);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaddset(&held, s);
    pthread_sigmask(SIG_BLOCK, &held, &previous_);
  }
  ~SignalsHeld() { pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }

 private:
  sigset_t previous_;
};

Diagnostic WriteError(const std::string& path, const std::string& why) {
  return FileError("E0007", path, "cannot write the file: " + why,
                   {"the file keeps its previous content (if it had one)"});
}

// The regular file a write to `path` replaces, once links are followed; an error when
// it is something else or its folder is not there.
Result<fs::path> Destination(const std::string& path) {
  int error = 0;
  const auto target = FollowLinks(path, error);
  if (!target) return WriteError(path, "cannot follow the link: " + Reason(error));
  struct stat st {};
  if (::stat(target->c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    return WriteError(path, std::string("it is ") + KindOf(st.st_mode));
  }
  struct stat folder {};
  const fs::path parent = FolderOf(*target);
  if (::stat(parent.c_str(), &folder) != 0) {
    return WriteError(path, "the folder " + parent.string() + " cannot be used: " + Reason(errno));
  }
  if (!S_ISDIR(folder.st_mode)) return WriteError(path, parent.string() + " is not a folder");
  return *target;
}

}  // namespace

Status CheckWritable(const std::string& path) {
  auto target = Destination(path);
  if (!target.ok()) return target.errors();
  std::string temporary;
  const int fd = CreateTemporary(FolderOf(target.value()), target.value().filename(), temporary);
  if (fd < 0) return WriteError(path, "no file can be created in its folder: " + Reason(errno));
  ::close(fd);
  ::unlink(temporary.c_str());
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, std::string_view text,
                                 unsigned new_file_mode) {
  auto destination = Destination(path);
  if (!destination.ok()) return destination.errors();
  const fs::path& target = destination.value();
  const fs::path folder = FolderOf(target);
  SignalsHeld held;
  std::string temporary;
  Descriptor fd(CreateTemporary(folder, target.filename(), temporary));
  if (fd.get() < 0) return WriteError(path, "no file can be created in its folder: " + Reason(errno));
  auto fail = [&](const std::string& step) {
    const std::string why = step + ": " + Reason(errno);
    ::unlink(temporary.c_str());
    return WriteError(path, why);
  };
  struct stat old {};
  const bool exists = ::stat(target.c_str(), &old) == 0;
  if (::fchmod(fd.get(), exists ? old.st_mode & 07777 : new_file_mode) != 0) {
    return fail(exists ? "cannot keep its mode" : "cannot set its mode");
  }
  if (exists) {
    // Keeps the owner when allowed (root saving a user's file); others cannot, and then
    // the file is theirs, with the same mode.
    [[maybe_unused]] const int kept_owner = ::fchown(fd.get(), old.st_uid, old.st_gid);
  }
  if (!WriteAll(fd.get(), text)) return fail("writing");
  if (::fsync(fd.get()) != 0) return fail("syncing to disk");
  if (fd.Close() != 0) return fail("closing");
  if (::rename(temporary.c_str(), target.c_str()) != 0) return fail("renaming");
  // The rename is on disk only once the folder is; a file system that cannot sync a
  // folder (EINVAL) has nothing more to do.
  Descriptor dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() >= 0 && ::fsync(dir.get()) != 0 && errno != EINVAL) {
    return WriteError(path, "syncing its folder to disk: " + Reason(errno));
  }
  return Status::Ok();
}

}  // namespace ibsa::internal
