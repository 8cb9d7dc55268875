-- Composite blueprints (issue 15): a fifth kind of blueprint, executed and recorded like the others.
alter table blueprint drop constraint blueprint_kind_check;
alter table blueprint
    add constraint blueprint_kind_check
        check (kind in ('STACK', 'ACCOUNT', 'SERVICE_CATALOG_PRODUCT', 'STACK_SET', 'COMPOSITE'));

alter table execution drop constraint execution_kind_check;
alter table execution
    add constraint execution_kind_check
        check (kind in ('STACK', 'ACCOUNT', 'SERVICE_CATALOG_PRODUCT', 'STACK_SET', 'COMPOSITE'));

alter table environment drop constraint environment_blueprint_kind_check;
alter table environment
    add constraint environment_blueprint_kind_check
        check (blueprint_kind in ('STACK', 'ACCOUNT', 'SERVICE_CATALOG_PRODUCT', 'STACK_SET', 'COMPOSITE'));
