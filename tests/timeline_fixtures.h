#pragma once
// Hand-built timelines for the exporter tests, written for this project: a TikTok-divestment-like
// thread (a deadline extended from 2025-01-19 to 2025-09-17, month, year, week and undated
// facts, two facts on one day), an air-defence sale thread sharing that day, and a hostile
// thread whose text tries to break every output format.

#include <dateline/fact.h>

#include <string>
#include <vector>

namespace dateline::fixtures {

inline FactSource source(std::string outlet, std::string published, std::string quote,
                         std::string url = "https://news.example.org/story", std::string attribution = {}) {
  static int counter = 0;
  FactSource s;
  ++counter;
  s.claim = "c" + std::to_string(counter);
  s.doc = "d" + std::to_string(counter % 5);
  s.outlet = std::move(outlet);
  s.url = std::move(url);
  s.title = "A story about " + s.outlet;
  if (!published.empty()) s.published = parse_time_value(published);
  s.span = Span{static_cast<std::uint32_t>(10 * counter), static_cast<std::uint32_t>(10 * counter + quote.size())};
  s.quote = std::move(quote);
  if (!attribution.empty()) s.attribution = std::move(attribution);
  return s;
}

inline FactValue value(const char* time, std::string time_text, ClaimStatus status, std::vector<FactSource> sources) {
  FactValue v;
  if (time) v.time = parse_time_value(time);
  v.time_text = std::move(time_text);
  v.status = status;
  v.sources = std::move(sources);
  return v;
}

inline Link link(std::string from, std::string to, LinkKind kind) {
  Link l;
  l.from = std::move(from);
  l.to = std::move(to);
  l.kind = kind;
  return l;
}

inline Fact fact(std::string id, std::string predicate, std::string headline, std::vector<FactValue> history,
                 std::string topic = {}) {
  Fact f;
  f.id = std::move(id);
  f.predicate = std::move(predicate);
  f.headline = std::move(headline);
  f.topic = std::move(topic);
  f.history = std::move(history);
  return f;
}

// A short-video app under a sale-or-ban law: the deadline moved from 19 January to
// 17 September 2025, talks planned for a week in late July, a court ruling in January,
// a law signed "last year" (a year), and an extension the reports never date.
inline Timeline video_app_thread() {
  Timeline t;
  t.id = "tl-videoapp";
  t.title = "TikTok divestment";
  t.entities = {"TikTok", "ByteDance", "Donald Trump"};

  Fact deadline = fact(
      "f-deadline", "deadline", "Deadline to divest TikTok",
      {value("2025-01-19", "January 19", ClaimStatus::Superseded,
             {source("Gulf Ledger", "2025-07-25", "Under the statute, the app had until January 19 to find a buyer.")}),
       value("2025-09-17", "September 17", ClaimStatus::Scheduled,
             {source("Gulf Ledger", "2025-07-25",
                     "The owner now has until September 17 to sell the app or see it banned."),
              source("Wire Desk", "2025-07-26", "Officials confirmed the \"final\" cut-off is September 17, 2025.",
                     "https://wire.example.com/a?id=1&lang=en")})},
      "TikTok divestment");
  deadline.revision_notes = {"The deadline has been pushed back three times since January."};
  t.facts.push_back(deadline);

  t.facts.push_back(
      fact("f-law", "signing", "Sale-or-ban law signed",
           {value("2024", "last year", ClaimStatus::Occurred,
                  {source("Gulf Ledger", "2025-07-25", "The president signed the sale-or-ban measure last year.")})}));
  t.facts.push_back(fact("f-court", "ruling", "Supreme Court upholds the law",
                         {value("2025-01", "in January", ClaimStatus::Occurred,
                                {source("Wire Desk", "2025-07-26", "The justices upheld the statute in January.")})}));
  t.facts.push_back(fact("f-order", "extension", "Executive order delays enforcement",
                         {value("2025-01-20", "his first day in office", ClaimStatus::Occurred,
                                {source("Gulf Ledger", "2025-07-25",
                                        "On his first day in office he signed an order pausing enforcement.")})}));
  t.facts.push_back(fact("f-say-talks", "statement", "Commerce chief: app may come up in talks",
                         {value("2025-07-24", "Thursday", ClaimStatus::Occurred,
                                {source("Gulf Ledger", "2025-07-25",
                                        "The app could be raised at the talks, the secretary said on Thursday.",
                                        "https://gulf.example.net/tiktok", "the commerce secretary")})}));
  t.facts.push_back(fact("f-say-dark", "statement", "Commerce chief: no deal means the app goes dark",
                         {value("2025-07-24", "Thursday", ClaimStatus::Occurred,
                                {source("Gulf Ledger", "2025-07-25",
                                        "Without approval from Beijing, the app will go dark, he said Thursday.")})}));
  t.facts.push_back(
      fact("f-talks", "talks", "Trade talks with China",
           {value("2025-W31", "next week", ClaimStatus::Planned,
                  {source("Gulf Ledger", "2025-07-25", "Trade talks with Beijing are set for next week.")})}));
  t.facts.push_back(
      fact("f-algorithm", "report", "Separate algorithm planned for US app",
           {value("2025-07", "this month", ClaimStatus::Occurred,
                  {source("Wire Desk", "2025-07-26",
                          "A separate recommendation system is planned, a news agency reported this month.")})}));
  t.facts.push_back(
      fact("f-export-rule", "restriction", "Beijing restricts algorithm exports",
           {value("2020", "in 2020", ClaimStatus::Occurred,
                  {source("Gulf Ledger", "2025-07-25", "Beijing tightened export rules on algorithms in 2020.")})}));
  t.facts.push_back(
      fact("f-more-extensions", "extension", "Deadline extended twice more",
           {value(nullptr, "", ClaimStatus::Occurred,
                  {source("Gulf Ledger", "2025-07-25", "He has since pushed the date back twice more.")})}));
  t.links.push_back(link("f-order", "f-court", LinkKind::After));
  return t;
}

// An air-defence sale: approved on the same day as the statements above, drills in April,
// and a treaty decades earlier.
inline Timeline missile_sale_thread() {
  Timeline t;
  t.id = "tl-missiles";
  t.title = "NASAMS sale to Egypt";
  t.entities = {"Egypt", "US State Department"};
  Fact approval =
      fact("f-approval", "approval", "State Department approves NASAMS sale",
           {value("2025-07-24", "Thursday", ClaimStatus::Occurred,
                  {source("Harbour Post", "2025-07-25",
                          "The sale of the air-defence package, worth $4.67bn, was approved on Thursday.")})});
  approval.amount = Amount{Span{0, 7}, 4.67e9, "USD", false};
  approval.amount_text = "$4.67bn";
  t.facts.push_back(approval);
  t.facts.push_back(
      fact("f-drills", "exercise", "First joint air drills with China",
           {value("2025-04", "in April", ClaimStatus::Occurred,
                  {source("Harbour Post", "2025-07-25", "The two air forces trained together in April.")})}));
  t.facts.push_back(fact("f-treaty", "signing", "Peace treaty with Israel",
                         {value("1979", "in 1979", ClaimStatus::Occurred,
                                {source("Harbour Post", "2025-07-25", "Cairo signed a peace treaty in 1979.")})}));
  t.facts.push_back(
      fact("f-delivery", "sale", "Trainers travel to Egypt if the sale goes ahead",
           {value("2025-Q4", "later this year", ClaimStatus::Possible,
                  {source("Harbour Post", "2025-07-25", "If approved, about 60 staff will travel to Egypt.")})}));
  return t;
}

// Text that tries to break out of every format: markup, script, DOT syntax, iCalendar
// properties, JSON control characters, backslash escapes, a very long line, non-ASCII.
inline const std::string& long_text() {
  static const std::string text = [] {
    std::string s;
    for (int i = 0; i < 400; ++i) s += "Zürich–東京 lorem ";
    return s;
  }();
  return text;
}

inline Timeline hostile_thread() {
  Timeline t;
  t.id = "tl-\"hostile\"";
  t.title = "<b>AT&T</b> \"quotes\" \\N & <script>alert(1)</script>";
  t.entities = {"AT&T"};
  Fact dot = fact("f-dot\"];a->b[", "deadline", "\"]; a -> b [label=\"pwned\"]; x [label=<b>",
                  {value("2025-08-01", "1 August", ClaimStatus::Scheduled,
                         {source("Outlet \"Q\" & <i>Co</i>", "2025-07-25",
                                 "Line one\r\nBEGIN:VEVENT\r\nSUMMARY:injected\r\nEND:VEVENT\nDESCRIPTION;X=1:a,b;c\\d",
                                 "javascript:alert(1)", "a \"spokes\\person\"")})});
  t.facts.push_back(dot);
  t.facts.push_back(
      fact("f-script", "deadline", "<script>alert('x')</script> & <img src=x onerror=alert(2)>",
           {value("2025-08-01", "1 August", ClaimStatus::Scheduled,
                  {source("Ünïcödé News 東京", "2025-07-25",
                          std::string("Control\x01\x02\x1f chars\ttab \"q\" \\u0000 \xE2\x80\xA8 sep ") + long_text(),
                          "https://example.org/path?a=<b>&c=\"d\"")})}));
  t.facts.push_back(
      fact("f-long", "meeting", long_text(),
           {value("2025-SU", "this summer", ClaimStatus::Planned, {source("Wire Desk", "2025-07-26", long_text())})}));
  t.facts.push_back(
      fact("f-evening", "meeting", "Evening session \\l\\r\\G",
           {value("2025-07-18TEV", "Friday evening", ClaimStatus::Scheduled,
                  {source("Wire Desk", "2025-07-18", "They meet on Friday evening; agenda: a, b; c.")})}));
  t.facts.push_back(fact("f-clock", "meeting", "Hearing at 14:30",
                         {value("2025-07-18T14:30", "2:30 pm", ClaimStatus::Scheduled,
                                {source("Wire Desk", "2025-07-18", "The hearing opens at 2:30 pm.")})}));
  TimeValue before = parse_time_value("2025-09-30");
  before.mod = Mod::Before;
  Fact mod = fact("f-before", "deadline", "Filing due before the end of September",
                  {value("2025-09-30", "before September 30", ClaimStatus::Scheduled,
                         {source("Wire Desk", "2025-07-26", "Filings are due before September 30.")})});
  mod.history[0].time = before;
  t.facts.push_back(mod);
  t.facts.push_back(fact("f-half", "review", "Review in the second half",
                         {value("2025-H2", "in the second half", ClaimStatus::Planned,
                                {source("Wire Desk", "2025-07-26", "A review is planned for the second half.")})}));
  t.facts.push_back(fact("f-decade", "report", "A decade of growth",
                         {value("201", "the 2010s", ClaimStatus::Occurred,
                                {source("Wire Desk", "2025-07-26", "Growth ran through the 2010s.")})}));
  t.facts.push_back(fact("f-weekend", "meeting", "Weekend summit",
                         {value("2025-W32-WE", "next weekend", ClaimStatus::Scheduled,
                                {source("Wire Desk", "2025-07-26", "A summit is set for the weekend.")})}));
  t.facts.push_back(fact("f-spring-drills", "exercise", "Joint drills",
                         {value("2025-04/2025-05", "in April and May", ClaimStatus::Occurred,
                                {source("Wire Desk", "2025-07-26", "Joint drills were held in April and May.")})}));
  t.facts.push_back(fact("f-fair", "meeting", "Trade fair",
                         {value("2025-10-06/2025-10-09", "between October 6 and 9", ClaimStatus::Scheduled,
                                {source("Wire Desk", "2025-07-26", "The fair runs between October 6 and 9.")})}));
  Fact contradicted = fact("f-contra", "sale", "Sale value disputed",
                           {value("2025-07-20", "Sunday", ClaimStatus::Occurred,
                                  {source("Wire Desk", "2025-07-21", "The sale closed Sunday.")})});
  contradicted.contradictions.push_back(Contradiction{"amount", source("A <b>", "2025-07-21", "$1bn"),
                                                      source("B & C", "2025-07-22", "$2bn"), "$1bn", "<2bn>"});
  t.facts.push_back(contradicted);
  t.links.push_back(link("f-script", "f-dot\"];a->b[", LinkKind::Supersedes));
  t.links.push_back(link("f-before", "f-contra", LinkKind::SameAs));
  return t;
}

inline std::vector<Timeline> sample_timelines() { return {video_app_thread(), missile_sale_thread()}; }
inline std::vector<Timeline> all_timelines() { return {video_app_thread(), missile_sale_thread(), hostile_thread()}; }

}  // namespace dateline::fixtures
