// `dateline timex DIR`. News articles are small files, so reading them is a large part of the
// work: a document costs six system calls (open, read and close of its text and of its DCT),
// each open resolves one name relative to the directory rather than the whole path again, a
// DCT that the listing does not show is never looked for, and the text is read into a buffer
// kept from document to document (no fstat for its size, no allocation).

#include "timex_command.h"

#include <dateline/error.h>
#include <dateline/export.h>
#include <dateline/extract.h>
#include <dateline/read.h>
#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "ordered_parallel.h"

namespace dateline {
namespace {

// A document of the directory: the name of its text and whether a DCT file is listed beside it.
struct DocumentFile {
  std::string name;  // <id>.txt
  bool has_dct = false;
};

// The open directory and its documents, sorted by name.
class DocumentDirectory {
 public:
  explicit DocumentDirectory(const std::string& dir) : dir_(dir), handle_(::opendir(dir.c_str()), ::closedir) {
    if (!handle_) {
      if (errno == ENOENT || errno == ENOTDIR) throw InputError(dir, "not a directory");
      throw InputError(dir, fmt::format("cannot list directory: {}", std::strerror(errno)));
    }
    fd_ = ::dirfd(handle_.get());
    prefix_ = dir.empty() || dir.back() == '/' ? dir : dir + '/';
    list();
  }

  const std::vector<DocumentFile>& documents() const { return documents_; }

  // The path of a file of the directory, for messages (and for read_file, which says why a
  // file cannot be read).
  std::string path(std::string_view name) const { return fmt::format("{}{}", prefix_, name); }

  // The whole of a text, into `buffer` (kept by the caller from document to document); the
  // returned view points into it.
  std::string_view read_text(const std::string& name, std::string& buffer, std::uint64_t max_bytes) const {
    const int fd = ::openat(fd_, name.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fallback(name, buffer, max_bytes);
    if (buffer.size() < kFirstRead) buffer.resize(kFirstRead);
    std::size_t used = 0;
    for (;;) {
      // Room for the whole text and one byte more, to see its end in the same read: Linux fills
      // a read of a regular file (the listing took only those) unless it reaches the end.
      if (used == buffer.size()) {
        if (used > max_bytes) break;  // read_file below gives the limit's message
        struct stat info {};
        const std::size_t size = ::fstat(fd, &info) == 0 ? static_cast<std::size_t>(info.st_size) : 0;
        buffer.resize(std::max(size + 1, buffer.size() * 2));
      }
      const ssize_t n = ::read(fd, buffer.data() + used, buffer.size() - used);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) break;  // a read error: read_file says which
      used += static_cast<std::size_t>(n);
      if (n == 0 || used < buffer.size()) {
        ::close(fd);
        if (used > max_bytes) return fallback(name, buffer, max_bytes);
        return {buffer.data(), used};
      }
    }
    ::close(fd);
    return fallback(name, buffer, max_bytes);
  }

  // The DCT line of <id>.dct (`name` is <id>.txt), trimmed; nullopt when there is none.
  std::optional<std::string> read_dct(const DocumentFile& doc) const {
    if (!doc.has_dct) return std::nullopt;
    char name[NAME_MAX + 1];  // <id>.dct, on the stack: this runs once per document
    const std::size_t size = std::min(doc.name.size(), sizeof name - 1);
    std::memcpy(name, doc.name.data(), size - 4);
    std::memcpy(name + size - 4, ".dct", 5);
    const int fd = ::openat(fd_, name, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      if (errno == ENOENT || errno == ENOTDIR) return std::nullopt;  // gone since the listing
      return read_file(path(name));                                  // says why it cannot be read
    }
    // A DCT is one short line: a read that does not fill the buffer has reached the end.
    std::string content;
    char chunk[256];
    ssize_t n;
    do {
      n = ::read(fd, chunk, sizeof chunk);
      if (n > 0) content.append(chunk, static_cast<std::size_t>(n));
    } while (n == static_cast<ssize_t>(sizeof chunk) || (n < 0 && errno == EINTR));
    ::close(fd);
    if (n < 0) return read_file(path(name));  // a directory, or a read error: read_file says which
    while (!content.empty() && (content.back() == '\n' || content.back() == '\r' || content.back() == ' ')) {
      content.pop_back();
    }
    return content;
  }

 private:
  static constexpr std::size_t kFirstRead = std::size_t{1} << 16;

  // The slow path, for what the fast one does not handle (a file that vanished, a read error,
  // a text over the limit): read_file throws the error a user should see, naming the file.
  std::string_view fallback(const std::string& name, std::string& buffer, std::uint64_t max_bytes) const {
    buffer = read_file(path(name), max_bytes);
    return buffer;
  }

  // The <id>.txt regular files (or links to them) and the <id>.dct names, with readdir: a
  // std::filesystem iterator built a path object per entry, which cost a tenth of tagging.
  void list() {
    std::vector<std::string> dcts;
    for (;;) {
      errno = 0;  // readdir's end and its failure differ only by errno
      const dirent* entry = ::readdir(handle_.get());
      if (!entry) {
        if (errno != 0) throw InputError(dir_, fmt::format("cannot list directory: {}", std::strerror(errno)));
        break;
      }
      const std::string_view name = entry->d_name;
      // ".txt" alone is a hidden file's name, not an extension (as path::extension() has it).
      if (name.size() <= 4) continue;
      if (name.ends_with(".dct")) {
        dcts.emplace_back(name.substr(0, name.size() - 4));
        continue;
      }
      if (!name.ends_with(".txt")) continue;
      bool regular = entry->d_type == DT_REG;
      if (entry->d_type == DT_LNK || entry->d_type == DT_UNKNOWN) {  // the name first: this costs a stat
        struct stat info;
        regular = ::fstatat(fd_, entry->d_name, &info, 0) == 0 && S_ISREG(info.st_mode);
      }
      if (regular) documents_.push_back({std::string(name), false});
    }
    std::sort(documents_.begin(), documents_.end(),
              [](const DocumentFile& a, const DocumentFile& b) { return a.name < b.name; });
    std::sort(dcts.begin(), dcts.end());
    // Both in order: one walk marks the documents whose DCT is listed.
    auto dct = dcts.begin();
    for (DocumentFile& doc : documents_) {
      const std::string_view id = std::string_view(doc.name).substr(0, doc.name.size() - 4);
      while (dct != dcts.end() && *dct < id) ++dct;
      doc.has_dct = dct != dcts.end() && *dct == id;
    }
  }

  std::string dir_;
  std::unique_ptr<DIR, int (*)(DIR*)> handle_;
  int fd_ = -1;
  std::string prefix_;  // "DIR/"
  std::vector<DocumentFile> documents_;
};

void write_stdout(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); }

}  // namespace

int run_timex(const std::string& dir, unsigned jobs, std::uint64_t max_input_bytes) {
  const DocumentDirectory directory(dir);
  const std::vector<DocumentFile>& documents = directory.documents();
  // Output goes through one large stdio buffer: a line per document, written in few calls.
  // Static, because stdio flushes it at exit, after an error may have left this function.
  static char out_buffer[1 << 16];
  std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
  // Each document is read, tagged and formatted on a worker; lines are written in name order.
  auto tag = [&](std::size_t i) {
    thread_local std::string buffer;
    const DocumentFile& doc = documents[i];
    const std::string_view text = directory.read_text(doc.name, buffer, max_input_bytes);
    try {
      check_text(text, doc.name);
    } catch (const InputError&) {
      check_text(text, directory.path(doc.name));  // the same error, with the whole path
    }
    std::optional<Date> dct;
    if (std::optional<std::string> line = directory.read_dct(doc)) {
      try {
        dct = parse_iso_date(*line);
      } catch (const ValueError& e) {
        std::string path = directory.path(doc.name);
        path.replace(path.size() - 4, 4, ".dct");
        throw InputError(path, e.what());
      }
    }
    const std::string_view id = std::string_view(doc.name).substr(0, doc.name.size() - 4);
    std::string out = timex_scorer_line(id, text, find_timexes(text, dct));
    out += '\n';
    return out;
  };
  ordered_parallel<std::string>(documents.size(), jobs, tag,
                                [](std::size_t, const std::string& line) { write_stdout(line); });
  return 0;
}

}  // namespace dateline
