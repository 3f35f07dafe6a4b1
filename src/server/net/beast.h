// Internal to server/net: the Beast/Asio includes and aliases. Included only by net_server.cc
// (through the session headers): one translation unit pays Beast's compile time.
//
// Rule for every coroutine here: a co_await expression holds no temporary with a non-trivial
// destructor (no capturing lambdas, std::string, shared_ptr built in the expression); build named
// locals first and pass them by reference or pointer. GCC 12 destroys such temporaries twice
// (observed here as an over-released shared_ptr; the same bug: equeim/tremotesf2#551).
#pragma once

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

namespace bf::server::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

}  // namespace bf::server::net
