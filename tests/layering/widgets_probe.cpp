#include "storage/book.h"
#include <QWidget>
int probe()
{
    QWidget w;
    return 0;
}
