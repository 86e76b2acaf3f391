"""A StatusNotifier host for the end-to-end tests: it owns org.kde.StatusNotifierWatcher on the
test's own session bus, as a desktop panel would, so Hearth's tray icon registers with it.

    sni_host.py serve ITEMS_FILE      keep the watcher; append each registered item to ITEMS_FILE
    sni_host.py labels ITEMS_FILE     print the labels of the last item's menu, one per line
    sni_host.py click ITEMS_FILE TEXT click the menu entry whose label is TEXT, as a person would

Run with Debian's python3 (python3-dbus and python3-gi, which python3-dbusmock brings).
"""

import sys
import time

import dbus
import dbus.service
import dbus.mainloop.glib
from gi.repository import GLib

WATCHER = "org.kde.StatusNotifierWatcher"
ITEM = "org.kde.StatusNotifierItem"
MENU = "com.canonical.dbusmenu"


class Watcher(dbus.service.Object):
    def __init__(self, bus, items_file):
        super().__init__(bus, "/StatusNotifierWatcher")
        self.items_file = items_file
        self.items = []

    @dbus.service.method(WATCHER, in_signature="s", out_signature="", sender_keyword="sender")
    def RegisterStatusNotifierItem(self, service, sender=None):
        # An item names either its object path (its bus name is then the caller) or its bus name.
        name, path = (sender, service) if service.startswith("/") else (service, "/StatusNotifierItem")
        self.items.append(f"{name}{path}")
        with open(self.items_file, "a", encoding="utf-8") as out:
            out.write(f"{name} {path}\n")
        self.StatusNotifierItemRegistered(f"{name}{path}")

    @dbus.service.method(WATCHER, in_signature="s", out_signature="")
    def RegisterStatusNotifierHost(self, service):
        pass

    @dbus.service.signal(WATCHER, signature="s")
    def StatusNotifierItemRegistered(self, service):
        pass

    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature="ss", out_signature="v")
    def Get(self, interface, prop):
        return self.GetAll(interface)[prop]

    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature="s", out_signature="a{sv}")
    def GetAll(self, interface):
        return {
            "RegisteredStatusNotifierItems": dbus.Array(self.items, signature="s"),
            "IsStatusNotifierHostRegistered": True,
            "ProtocolVersion": dbus.Int32(0),
        }


def serve(items_file):
    dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    watcher = Watcher(bus, items_file)
    name = dbus.service.BusName(WATCHER, bus)
    print("ready", flush=True)
    GLib.MainLoop().run()
    del watcher, name


def last_item(items_file):
    with open(items_file, encoding="utf-8") as items:
        lines = [line.split() for line in items if line.strip()]
    if not lines:
        sys.exit("no tray item has registered")
    return lines[-1]


def menu_entries(items_file):
    bus = dbus.SessionBus()
    name, path = last_item(items_file)
    item = bus.get_object(name, path)
    menu_path = item.Get(ITEM, "Menu", dbus_interface=dbus.PROPERTIES_IFACE)
    menu = dbus.Interface(bus.get_object(name, menu_path), MENU)
    _, layout = menu.GetLayout(0, -1, ["label"])
    entries = []

    def walk(node):
        node_id, props, children = node
        if "label" in props:
            entries.append((int(node_id), str(props["label"]).replace("_", "")))
        for child in children:
            walk(child)

    walk(layout)
    return menu, entries


def main():
    command, items_file = sys.argv[1], sys.argv[2]
    if command == "serve":
        serve(items_file)
        return
    menu, entries = menu_entries(items_file)
    if command == "labels":
        for _, label in entries:
            print(label)
        return
    wanted = sys.argv[3]
    for node_id, label in entries:
        if label == wanted:
            menu.Event(node_id, "clicked", dbus.Int32(0, variant_level=1), dbus.UInt32(int(time.time())))
            return
    sys.exit(f"no menu entry {wanted!r} in {[label for _, label in entries]}")


if __name__ == "__main__":
    main()
