// CaseFile: the interview's saves (issue 15, items 1-3). A failed write leaves the file as
// it was; modes, links, opening comments and the expect block are kept; nothing is
// written before the facts change.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ibsa/ibsa.h"

namespace ibsa {
namespace {

namespace fs = std::filesystem;

const char kCase[] =
    "# Intake of 6 October 2025, desk 3\n"
    "id: save-test\n"
    "title: \"Save test\"\n"
    "jurisdiction: BE\n"
    "date: 2025-10-06\n"
    "victim:\n"
    "  real_person: true   # she confirmed it is her\n"
    "expect:\n"
    "  source: \"case_file_test\"\n"
    "  absent: [be.sw.417-43]\n";

class CaseFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto v = Vocabulary::Load(std::string(IBSA_SOURCE_DIR) + "/rulesets/facts.yaml");
    ASSERT_TRUE(v.ok());
    vocabulary_.emplace(std::move(v).value());
    folder_ = fs::temp_directory_path() /
              ("ibsa-case-file-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
    fs::create_directories(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }

  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = (folder_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  static std::string Read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  Case Load(const std::string& path) {
    auto c = Case::Load(path, *vocabulary_);
    EXPECT_TRUE(c.ok()) << FormatDiagnostics(c.errors());
    return std::move(c).value();
  }
  // The case of kCase after an answer: the victim's age is known.
  Case Answered() {
    auto c = Case::Parse(
        "id: save-test\ntitle: \"Save test\"\njurisdiction: BE\ndate: 2025-10-06\n"
        "victim: {real_person: true, age: 17}\n",
        "answered", *vocabulary_);
    EXPECT_TRUE(c.ok());
    return std::move(c).value();
  }
  std::vector<std::string> Files() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder_)) names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    return names;
  }

  std::optional<Vocabulary> vocabulary_;
  fs::path folder_;
};

// Item 1: a write that fails (as on a full disk) leaves the old file, says so, and
// leaves no temporary file. The failure is a real one: a file size limit of 0 makes
// write() fail with EFBIG, as a full disk makes it fail with ENOSPC. The old code checked
// its stream before the close flushed it, so it renamed an empty file over the case.
TEST_F(CaseFileTest, AFailedWriteLeavesTheFileAsItWas) {
  const std::string path = Write("case.yaml", kCase);
  const Case resumed = Load(path);
  auto file = CaseFile::Open(path, *vocabulary_, &resumed);
  ASSERT_TRUE(file.ok()) << FormatDiagnostics(file.errors());

  struct sigaction ignore {}, previous {};
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGXFSZ, &ignore, &previous);
  rlimit old_limit{};
  getrlimit(RLIMIT_FSIZE, &old_limit);
  rlimit zero = old_limit;
  zero.rlim_cur = 0;
  setrlimit(RLIMIT_FSIZE, &zero);
  auto saved = file.value().Save(Answered());
  setrlimit(RLIMIT_FSIZE, &old_limit);
  sigaction(SIGXFSZ, &previous, nullptr);

  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.errors().front().code, "E0007");
  EXPECT_EQ(saved.errors().front().location.file, path);
  EXPECT_NE(saved.errors().front().message.find("File too large"), std::string::npos)
      << saved.errors().front().message;
  EXPECT_EQ(Read(path), kCase);
  EXPECT_EQ(Files(), std::vector<std::string>{"case.yaml"});
  // The next save, with room again, writes.
  auto retried = file.value().Save(Answered());
  ASSERT_TRUE(retried.ok());
  EXPECT_TRUE(retried.value());
  EXPECT_NE(Read(path).find("age: 17"), std::string::npos);
}

// Item 2: what cannot be written is said when the file is opened, before any question.
TEST_F(CaseFileTest, AFolderThatCannotTakeTheFileIsRefusedAtOnce) {
  for (const std::string& path : {(folder_ / "missing" / "case.yaml").string(), folder_.string(),
                                   std::string("/proc/ibsa-case-file-test.yaml")}) {
    auto file = CaseFile::Open(path, *vocabulary_, nullptr);
    ASSERT_FALSE(file.ok()) << path;
    EXPECT_EQ(file.errors().front().code, "E0007") << path;
    EXPECT_EQ(file.errors().front().location.file, path);
  }
  EXPECT_FALSE(fs::exists(folder_ / "missing"));
}

// Item 3: a new file is its owner's only; an existing one keeps its mode.
TEST_F(CaseFileTest, ANewFileIsReadableByItsOwnerOnlyAndAnOldOneKeepsItsMode) {
  const mode_t umask_before = ::umask(022);
  const std::string fresh = (folder_ / "new.yaml").string();
  auto file = CaseFile::Open(fresh, *vocabulary_, nullptr);
  ASSERT_TRUE(file.ok());
  ASSERT_TRUE(file.value().Save(Answered()).ok());
  ::umask(umask_before);
  EXPECT_EQ(fs::status(fresh).permissions() & fs::perms::mask, fs::perms::owner_read | fs::perms::owner_write);

  const std::string old = Write("old.yaml", kCase);
  fs::permissions(old, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  const Case resumed = Load(old);
  auto reopened = CaseFile::Open(old, *vocabulary_, &resumed);
  ASSERT_TRUE(reopened.ok());
  ASSERT_TRUE(reopened.value().Save(Answered()).ok());
  EXPECT_EQ(fs::status(old).permissions() & fs::perms::mask,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
}

TEST_F(CaseFileTest, ASymbolicLinkStaysALinkToTheFileItNames) {
  fs::create_directories(folder_ / "real");
  const std::string real = Write("real/case.yaml", kCase);
  const std::string link = (folder_ / "link.yaml").string();
  fs::create_symlink("real/case.yaml", link);
  const Case resumed = Load(link);
  auto file = CaseFile::Open(link, *vocabulary_, &resumed);
  ASSERT_TRUE(file.ok());
  ASSERT_TRUE(file.value().Save(Answered()).ok());
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_NE(Read(real).find("age: 17"), std::string::npos);
}

TEST_F(CaseFileTest, NothingIsWrittenBeforeTheFactsChange) {
  const std::string path = Write("case.yaml", kCase);
  const Case resumed = Load(path);
  auto file = CaseFile::Open(path, *vocabulary_, &resumed);
  ASSERT_TRUE(file.ok());
  fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::hours(48));
  const auto before = fs::last_write_time(path);
  auto saved = file.value().Save(resumed);
  ASSERT_TRUE(saved.ok());
  EXPECT_FALSE(saved.value());
  EXPECT_EQ(fs::last_write_time(path), before);
  EXPECT_EQ(Read(path), kCase);
}

TEST_F(CaseFileTest, TheOpeningCommentAndTheExpectBlockAreKeptAndTheLostCommentIsNamed) {
  const std::string path = Write("case.yaml", kCase);
  const Case resumed = Load(path);
  auto file = CaseFile::Open(path, *vocabulary_, &resumed);
  ASSERT_TRUE(file.ok());
  ASSERT_EQ(file.value().losses().size(), 1u);
  const Diagnostic& lost = file.value().losses().front();
  EXPECT_EQ(lost.code, "W0002");
  EXPECT_EQ(lost.severity, Severity::kWarning);
  EXPECT_EQ(lost.location.line, 7);
  ASSERT_TRUE(file.value().Save(Answered()).ok());
  const std::string saved = Read(path);
  EXPECT_EQ(saved.rfind("# Intake of 6 October 2025, desk 3\nid: save-test\n", 0), 0u) << saved;
  EXPECT_NE(saved.find("expect:\n  source: \"case_file_test\"\n  absent: [be.sw.417-43]\n"), std::string::npos)
      << saved;
  const Case reread = Load(path);
  ASSERT_TRUE(reread.expectations().has_value());
  EXPECT_EQ(reread.expectations()->source, "case_file_test");
}

TEST_F(CaseFileTest, AJsonFileStaysJsonWithItsExpectations) {
  const std::string path = Write(
      "case.json",
      R"({"id": "j", "jurisdiction": "NL", "date": "2025-01-02", "victim": {"real_person": true},
          "expect": {"source": "json test", "absent": ["nl.sr.139h"]}})");
  const Case resumed = Load(path);
  auto file = CaseFile::Open(path, *vocabulary_, &resumed);
  ASSERT_TRUE(file.ok());
  EXPECT_TRUE(file.value().losses().empty());
  auto answered = Case::Parse(
      R"({"id": "j", "jurisdiction": "NL", "date": "2025-01-02", "victim": {"real_person": true, "age": 30}})",
      "answered", *vocabulary_);
  ASSERT_TRUE(answered.ok());
  ASSERT_TRUE(file.value().Save(answered.value()).ok());
  const std::string saved = Read(path);
  EXPECT_EQ(saved.front(), '{') << saved;
  EXPECT_NE(saved.find("\"age\": 30"), std::string::npos) << saved;
  EXPECT_NE(saved.find("\"source\": \"json test\""), std::string::npos) << saved;
}

}  // namespace
}  // namespace ibsa
