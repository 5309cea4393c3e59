// WriteRawForTesting (see raw_edit.h): opens the database as its writer (so the schema version
// must still be this tupu's when called) and writes one key around every rule of the store.
#include "store/raw_edit.h"

#include <rocksdb/db.h>

#include <vector>

#include "store/rocks_database.h"
#include "store/store_keys.h"

namespace tupu {

Status WriteRawForTesting(const std::string& db_path, const std::string& column_family,
                          const std::string& key, const std::optional<std::string>& value) {
  TUPU_ASSIGN_OR_RETURN(auto db, RocksDatabase::Open(db_path, StoreOptions{}));
  for (int i = 0; i < kCfCount; ++i) {
    auto cf = static_cast<Cf>(i);
    if (column_family != CfName(cf)) continue;
    rocksdb::WriteOptions wo;
    wo.sync = true;
    rocksdb::Status s = value ? db->db()->Put(wo, db->cf(cf), key, *value)
                              : db->db()->Delete(wo, db->cf(cf), key);
    return FromRocks(s, "raw write to " + column_family);
  }
  return Status::InvalidArgument("no column family " + column_family);
}

Status DropColumnFamilyForTesting(const std::string& db_path, const std::string& column_family) {
  rocksdb::Options options;
  std::vector<std::string> names;
  TUPU_RETURN_IF_ERROR(FromRocks(rocksdb::DB::ListColumnFamilies(options, db_path, &names),
                                 "listing column families"));
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const auto& name : names) descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  TUPU_RETURN_IF_ERROR(FromRocks(rocksdb::DB::Open(options, db_path, descriptors, &handles, &raw),
                                 "opening " + db_path));
  std::unique_ptr<rocksdb::DB> db(raw);
  rocksdb::Status dropped = rocksdb::Status::InvalidArgument("no column family " + column_family);
  for (auto* handle : handles) {
    if (handle->GetName() == column_family) dropped = db->DropColumnFamily(handle);
  }
  for (auto* handle : handles) db->DestroyColumnFamilyHandle(handle).PermitUncheckedError();
  rocksdb::Status closed = db->Close();
  TUPU_RETURN_IF_ERROR(FromRocks(dropped, "dropping " + column_family));
  return FromRocks(closed, "closing " + db_path);
}

}  // namespace tupu
