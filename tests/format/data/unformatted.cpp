// The same code as formatted.cpp, with the brace after the function signature, a pointer
// bound to its type and two spaces of indentation: scripts/check-format names this file.
#include <QString>

namespace tp {

int countWords(const QString& text) {
  int words = 0;
  bool inWord = false;
  for (const QChar c : text) {
    if (c.isSpace()) {
      inWord = false;
    } else if (!inWord) {
      inWord = true;
      ++words;
    }
  }
  return words;
}

} // namespace tp
