#pragma once
// A view that reaches up into storage: what layering.core_folders_one_way must refuse.
#include "storage/settings.h"
