-- What CloudFormation said about a version when it was added (ValidateTemplate, GetTemplateSummary), compared with
-- Vendo's parameter model; none for versions added before the check existed.
alter table blueprint_version add column aws_check jsonb;
