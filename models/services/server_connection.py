"""服务器连接: build a PostgreSQL URL from the fields of the settings dialog and test it, with a
message a user can act on (wrong host, closed port, wrong password, no such database, not ours).

Testing never creates or upgrades anything: it connects, looks at the tables and disconnects.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import URL, create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from models.errors import ValidationError
from models.messages import localize, msg

DEFAULT_PORT = 5432
CONNECT_TIMEOUT_S = 5


@dataclass(frozen=True)
class ServerSettings:
    host: str
    port: int = DEFAULT_PORT
    database: str = "reserve"
    user: str = "rk_app"
    password: str = ""
    sslmode: str = ""  # "", "require", "verify-full"

    def url(self, *, with_password: bool = True) -> str:
        """The SQLAlchemy URL; without the password for storing in the settings file."""
        self.validate()
        query = {"sslmode": self.sslmode} if self.sslmode else {}
        url = URL.create("postgresql+psycopg", username=self.user.strip(),
                         password=(self.password or None) if with_password else None,
                         host=self.host.strip(), port=self.port, database=self.database.strip(), query=query)
        return url.render_as_string(hide_password=False)

    def validate(self) -> None:
        for value, name in ((self.host, msg("服务器地址")), (self.database, msg("数据库名")), (self.user, msg("用户名"))):
            if not value.strip():
                raise ValidationError(msg("{name}不能为空。", name=name), field=name)
            if any(ch.isspace() or ord(ch) < 32 for ch in value.strip()) or len(value) > 200:
                raise ValidationError(msg("{name}“{value}”含有空格或控制字符，请检查。", name=name, value=value), field=name)
        if not 1 <= int(self.port) <= 65535:
            raise ValidationError(msg("端口 {port} 无效，应在 1–65535 之间（PostgreSQL 默认 5432）。",
                                      port=self.port), field=msg("端口"))

    @classmethod
    def from_url(cls, url: str) -> "ServerSettings":
        parsed = make_url(url)
        return cls(host=parsed.host or "", port=parsed.port or DEFAULT_PORT, database=parsed.database or "",
                   user=parsed.username or "", password=parsed.password or "",
                   sslmode=str(parsed.query.get("sslmode", "")))


@dataclass(frozen=True)
class ServerCheck:
    ok: bool
    message: str  # in the user's language (Chinese unless a screen installed a translator)

    needs_init: bool = False


def _explain(exc: DBAPIError, settings: ServerSettings) -> str:
    raw = str(exc.orig or exc).strip()
    lower = raw.lower()
    where = f"{settings.host}:{settings.port}"
    if "password authentication failed" in lower or "no password supplied" in lower:
        return msg("服务器 {where} 拒绝了用户“{user}”的密码，请检查用户名和密码。", where=where, user=settings.user)
    if "does not exist" in lower and "database" in lower:
        return msg("服务器 {where} 上没有名为“{database}”的数据库，请检查数据库名，或请管理员按 docs/SERVER.md 创建。",
                   where=where, database=settings.database)
    if "role" in lower and "does not exist" in lower:
        return msg("服务器 {where} 上没有用户“{user}”，请检查用户名。", where=where, user=settings.user)
    if "pg_hba.conf" in lower:
        return msg("服务器 {where} 不允许本机连接（pg_hba.conf），请联系服务器管理员。", where=where)
    if "timeout" in lower or "timed out" in lower:
        return msg("连接服务器 {where} 超时。请检查服务器是否开机、地址是否正确、防火墙是否放行端口 {port}。",
                   where=where, port=settings.port)
    if "could not translate host name" in lower or "name or service not known" in lower or "nodename" in lower:
        return msg("找不到服务器“{host}”，请检查服务器地址（名称或 IP）。", host=settings.host)
    if "connection refused" in lower:
        return msg("服务器 {where} 拒绝连接：该端口没有数据库服务在运行，或防火墙阻止了连接。"
                   "请检查端口号和服务器上的 PostgreSQL 是否已启动。", where=where)
    return msg("无法连接服务器 {where}：{error}", where=where,
               error=raw.splitlines()[0] if raw else exc.__class__.__name__)


def check_connection(settings: ServerSettings) -> ServerCheck:
    """Connect once and say what is there; never raises for connection problems."""
    try:
        url = settings.url()
    except ValidationError as exc:
        return ServerCheck(False, exc.message)
    engine = create_engine(url, connect_args={"connect_timeout": CONNECT_TIMEOUT_S}, pool_pre_ping=False)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
            tables = set(inspect(conn).get_table_names())
            if "alembic_version" in tables:
                versions = sorted(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
                return ServerCheck(True, localize(msg("连接成功：储备管家数据库（版本 {versions}）。",
                                                      versions=", ".join(versions))))
            if tables:
                return ServerCheck(False, localize(msg("连接成功，但数据库“{database}”中已有其他程序的数据表，"
                                                       "不是储备管家数据库。请换一个空数据库。", database=settings.database)))
            return ServerCheck(True, localize(msg("连接成功：数据库“{database}”是空的，首次打开时将自动创建数据表。",
                                                  database=settings.database)), needs_init=True)
    except DBAPIError as exc:
        return ServerCheck(False, localize(_explain(exc, settings)))
    finally:
        engine.dispose()
