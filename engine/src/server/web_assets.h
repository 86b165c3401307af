// Internal: the intake page's files (engine/web/), compiled into the binary so that
// `ibsa serve` needs nothing beside it and loads nothing from elsewhere.
#ifndef IBSA_SRC_SERVER_WEB_ASSETS_H_
#define IBSA_SRC_SERVER_WEB_ASSETS_H_

#include <cstddef>

namespace ibsa::internal {

struct WebAsset {
  const char* path;  // "/js/main.js"
  const unsigned char* data;
  size_t size;
};

extern const WebAsset kWebAssets[];
extern const size_t kWebAssetCount;

}  // namespace ibsa::internal

#endif  // IBSA_SRC_SERVER_WEB_ASSETS_H_
