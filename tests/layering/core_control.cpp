#include <QString>
#include "storage/book.h"
int probe() { return QString().size(); }
