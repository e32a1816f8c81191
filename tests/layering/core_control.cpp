#include "storage/book.h"
#include <QString>
int probe()
{
    return QString().size();
}
