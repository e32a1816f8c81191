#include <QWidget>
#include "storage/book.h"
int probe() { QWidget w; return 0; }
