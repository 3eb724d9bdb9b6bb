"""A small QuickShip-like topology from Python: `checkout` calls `catalog` by its SRV name and
reads the `orders` table, registered in Cloud Map as the API-only service `orders-db`.

Component instances do not cross languages, so every reference is plain data: a peer is its
security group id (an Output is fine), its port and its Cloud Map service; a namespace is its
name and id; a registered resource is its API-only service and the statements readers get.
Names, ports and record types must be plain values; ids and ARNs may be Outputs.
"""
import pulumi
import pulumi_aws as aws
import quickship_cloudmap_discovery as cloudmap  # the import `pulumi package add` prints

NAMESPACE = "shop.internal"
config = pulumi.Config()
image = config.get("image") or "public.ecr.aws/docker/library/nginx:1.27-alpine"

network = cloudmap.DiscoveryNetwork("shop")
namespace = cloudmap.PrivateDnsNamespace("shop", name=NAMESPACE, vpc_id=network.vpc_id)
# A namespace by id. From another stack, pass the ids as strings (e.g. from a StackReference).
namespace_ref = cloudmap.NamespaceRefArgs(
    name=NAMESPACE, namespace_id=namespace.namespace_id, namespace_arn=namespace.namespace_arn)


def cloud_map_service(name: str, api_only: bool = False) -> cloudmap.CloudMapServiceRefArgs:
    """A Cloud Map service in the namespace, as the plain reference other components take."""
    service = cloudmap.DiscoverableService(name, name=name, namespace=namespace_ref, api_only=api_only)
    return cloudmap.CloudMapServiceRefArgs(
        name=name,
        namespace_name=NAMESPACE,
        service_arn=service.service_arn,
        service_id=service.service_id,
        namespace_arn=namespace.namespace_arn,
        api_only=api_only,
    )


cluster = aws.ecs.Cluster("shop")
placement = dict(
    cluster=cloudmap.ClusterRefArgs(arn=cluster.arn),
    vpc_id=network.vpc_id,
    subnet_ids=network.private_subnet_ids,
    internet_connectivity=network.internet_connectivity,
)

catalog_discovery = cloud_map_service("catalog")
catalog = cloudmap.DiscoverableFargateService(
    "catalog",
    discovery=catalog_discovery,
    container=cloudmap.ContainerArgs(image=image, port=8080),
    **placement,
)

orders_table = aws.dynamodb.Table(
    "orders",
    billing_mode="PAY_PER_REQUEST",
    hash_key="orderId",
    attributes=[aws.dynamodb.TableAttributeArgs(name="orderId", type="S")],
    point_in_time_recovery=aws.dynamodb.TablePointInTimeRecoveryArgs(enabled=True),
    deletion_protection_enabled=True,
)
orders_read_access = [cloudmap.PolicyStatementArgs(
    sid="ReadOrders",
    action=["dynamodb:GetItem", "dynamodb:Query"],
    resource=[orders_table.arn, orders_table.arn.apply(lambda arn: f"{arn}/index/*")],
)]
orders_db_service = cloud_map_service("orders-db", api_only=True)
orders_db = cloudmap.RegisteredResource(
    "orders-db",
    service=orders_db_service,
    instance_id="orders-table",
    attributes={"tablename": orders_table.name},
    read_access=orders_read_access,
)

checkout = cloudmap.DiscoverableFargateService(
    "checkout",
    discovery=cloud_map_service("checkout"),
    container=cloudmap.ContainerArgs(image=image, port=8080),
    # A service built above, as a peer: its security group (an Output), and the port and
    # Cloud Map service it was given. Gives CATALOG_SRV_NAME and CATALOG_PORT to the container.
    talks_to=[cloudmap.ServicePeerArgs(
        security_group_id=catalog.security_group_id, port=8080, discovery=catalog_discovery)],
    # The registered table: its API-only service and the statements readers get.
    # Gives ORDERS_DB_NAMESPACE and ORDERS_DB_SERVICE to the container.
    reads=[cloudmap.ReadableResourceArgs(service=orders_db_service, read_access=orders_read_access)],
    **placement,
)

pulumi.export("catalogSrvName", f"catalog.{NAMESPACE}")
pulumi.export("checkoutServiceArn", checkout.service_arn)
pulumi.export("checkoutEnvironment", checkout.discovery_environment)
