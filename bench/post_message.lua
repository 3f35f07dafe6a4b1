-- wrk script: POST a chat message (token and path from the environment).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BF_TOKEN")
wrk.body = '{"text":"add a rating field to posts"}'
