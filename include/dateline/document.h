#pragma once
// Document: one article, as read. Extractors see only this, never the file format.

#include <dateline/span.h>
#include <dateline/time_value.h>

#include <string>
#include <vector>

namespace dateline {

// Where the publication time (the DCT relative expressions anchor to) came from.
enum class PublishedSource {
  Stated,    // read from the article or its page (a dateline, a meta tag, a JSON field)
  Relative,  // an age label ("20 hours ago") resolved against the capture time
  Assumed,   // not in the input: taken from --dct or the file's context
  Unknown,   // nothing to go on
};

struct Document {
  std::string id;  // stable: a hash of source + text
  std::string source;  // the outlet ("Al Jazeera"); may be empty
  std::string url;
  std::string title;
  std::string byline;  // the author(s) as the page or feed names them; may be empty
  std::string file;  // the input it was read from (a path or "-"), for messages
  TimeValue published;  // day or finer; empty value when unknown
  PublishedSource published_source = PublishedSource::Unknown;
  std::string text;  // UTF-8
  std::vector<Span> sentences;

  bool published_assumed() const { return published_source == PublishedSource::Assumed; }
};

// The stable id of a document: 16 hex digits of a 64-bit FNV-1a hash of source and text.
std::string document_id(std::string_view source, std::string_view text);

std::string_view to_string(PublishedSource source);

}  // namespace dateline
