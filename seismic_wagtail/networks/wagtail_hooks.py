from wagtail import hooks

from .views import NetworkJoinRequestViewSet, register_join_request_permission_policy

register_join_request_permission_policy()


@hooks.register("register_admin_viewset")
def register_join_request_viewset():
    return NetworkJoinRequestViewSet()
