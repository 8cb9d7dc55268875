-- Admission per region: a request also takes a slot in the region its AWS calls go to (its target's region), so that
-- vendo.execution.admission.per-region bounds the operations in flight there across accounts. Rows written before
-- this column existed take their target's region.
alter table execution_admission add column region text;
update execution_admission a set region = t.region
from vending_request r join target t on t.id = r.target_id
where r.id = a.request_id;
